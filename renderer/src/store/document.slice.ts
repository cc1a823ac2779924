// The open pipeline document: every edit goes through commitDocument, which records undo history, revalidates and
// autosaves — every change reaches SQLite within AUTOSAVE_DELAY_MS plus one save (well under a second).
import type { Pipeline, PipelineNode } from '../../../shared/pipeline/pipeline.schema';
import type { SliceCreator } from './app-store';

/**
 * Delay from the first unsaved change to its save. Later changes do not push the save back (it is a throttle, not a
 * debounce), so a long stream of edits is still saved every AUTOSAVE_DELAY_MS: a killed app loses at most that much.
 */
export const AUTOSAVE_DELAY_MS = 300;

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

/** How one edit is recorded. */
export interface CommitOptions {
  /**
   * Consecutive edits with the same key within a short time are one undo step (typing into one field). Without a key
   * every edit is its own step.
   */
  coalesce?: string;
}

export interface DocumentSlice {
  document: Pipeline | null;
  /** Nodes by id, rebuilt on every change so components can look a node up in O(1). */
  nodeIndex: ReadonlyMap<string, PipelineNode>;
  revision: number;
  saveState: SaveState;
  saveError: string | null;
  /** Applies a user edit: undo step (or part of the running gesture), validation, autosave. */
  updateDocument(update: (document: Pipeline) => Pipeline, options?: CommitOptions): void;
  /** Shows a document that came from the store (open, restore, import); starts a fresh undo history. */
  loadDocument(document: Pipeline | null, revision: number): void;
  /** Sets the document without recording history (undo/redo use it); still validates and autosaves. */
  setDocumentSilently(document: Pipeline): void;
  /** Saves now if anything is pending; resolves when the store has it. */
  flushSave(): Promise<void>;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get, api) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const save = async () => {
    timer = undefined;
    const { openId, document } = get();
    if (!openId || !document || get().saveState !== 'unsaved') return;
    set({ saveState: 'saving' });
    try {
      const summary = await api.invoke('pipeline.save', { id: openId, document });
      // Edits made while the save was in flight stay 'unsaved' and get their own save.
      if (get().document === document) set({ saveState: 'saved', saveError: null, revision: summary.revision });
      else set({ revision: summary.revision });
      set((s) => ({ pipelines: s.pipelines.map((p) => (p.id === summary.id ? summary : p)) }));
    } catch (error) {
      set({ saveState: 'error', saveError: (error as Error).message });
    }
  };

  const scheduleSave = () => {
    // A gesture in progress (a drag) is not a finished change; endGesture saves it.
    if (timer !== undefined || get().gestureBase !== null) return;
    timer = setTimeout(() => {
      inFlight = inFlight.then(save);
    }, AUTOSAVE_DELAY_MS);
  };

  const show = (document: Pipeline) => {
    set({ document, nodeIndex: indexNodes(document), saveState: 'unsaved' });
    get().scheduleValidation();
    scheduleSave();
  };

  return {
    document: null,
    nodeIndex: new Map(),
    revision: 0,
    saveState: 'saved',
    saveError: null,
    updateDocument(update, options = {}) {
      const current = get().document;
      if (!current) return;
      const next = update(current);
      if (next === current) return;
      get().recordHistory(current, options.coalesce);
      show(next);
    },
    loadDocument(document, revision) {
      clearTimeout(timer);
      timer = undefined;
      get().clearHistory();
      set({ document, nodeIndex: document ? indexNodes(document) : new Map(), revision, saveState: 'saved', saveError: null });
      get().pruneSelection();
      get().scheduleValidation();
    },
    setDocumentSilently(document) {
      show(document);
      get().pruneSelection();
    },
    async flushSave() {
      if (get().saveState === 'unsaved' && get().gestureBase === null) {
        clearTimeout(timer);
        timer = undefined;
        inFlight = inFlight.then(save);
      }
      await inFlight;
    },
  };
};

function indexNodes(document: Pipeline): Map<string, PipelineNode> {
  return new Map(document.nodes.map((n) => [n.id, n]));
}
