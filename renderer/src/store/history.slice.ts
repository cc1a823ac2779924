// Undo/redo of document edits (DESIGN §8): one user gesture is one step; selection, viewport, measured sizes and
// run status live elsewhere and never enter the history.
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { SliceCreator } from './app-store';

/** Steps kept; older ones are dropped. Documents share unchanged nodes, so a step costs little memory. */
export const HISTORY_LIMIT = 500;
/** Edits with the same coalesce key closer together than this merge into one step. */
export const COALESCE_MS = 1000;

/** The document as it was before one step. */
interface HistoryEntry {
  document: Pipeline;
  key?: string;
  at: number;
}

export interface HistorySlice {
  past: readonly HistoryEntry[];
  future: readonly Pipeline[];
  /** The document when the running gesture (a drag) began, or null outside gestures. */
  gestureBase: Pipeline | null;
  /** Records `before` as an undo step, unless a gesture is running or the edit continues the last coalesced step. */
  recordHistory(before: Pipeline, coalesce?: string): void;
  /** Starts a gesture: edits until endGesture become one step. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  clearHistory(): void;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  gestureBase: null,
  recordHistory(before, coalesce) {
    if (get().gestureBase !== null) return;
    const { past } = get();
    const last = past[past.length - 1];
    const now = Date.now();
    if (coalesce !== undefined && last?.key === coalesce && now - last.at < COALESCE_MS) {
      set({ past: [...past.slice(0, -1), { ...last, at: now }], future: [] });
      return;
    }
    const entry: HistoryEntry = { document: before, at: now, ...(coalesce !== undefined ? { key: coalesce } : {}) };
    set({ past: [...past.slice(-(HISTORY_LIMIT - 1)), entry], future: [] });
  },
  beginGesture() {
    if (get().gestureBase === null && get().document) set({ gestureBase: get().document });
  },
  endGesture() {
    const base = get().gestureBase;
    if (base === null) return;
    set({ gestureBase: null });
    const current = get().document;
    if (current && current !== base) {
      get().recordHistory(base);
      get().setDocumentSilently(current);
    }
  },
  undo() {
    const { past, future, document, gestureBase } = get();
    const entry = past[past.length - 1];
    if (!entry || !document || gestureBase !== null) return;
    set({ past: past.slice(0, -1), future: [...future, document] });
    get().setDocumentSilently(entry.document);
  },
  redo() {
    const { past, future, document, gestureBase } = get();
    const next = future[future.length - 1];
    if (!next || !document || gestureBase !== null) return;
    set({ past: [...past, { document, at: 0 }], future: future.slice(0, -1) });
    get().setDocumentSilently(next);
  },
  clearHistory: () => set({ past: [], future: [], gestureBase: null }),
});
