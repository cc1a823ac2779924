// The open pipeline document and its autosave: every change reaches SQLite within AUTOSAVE_DELAY_MS.
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { SliceCreator } from './app-store';

/** Changes are coalesced for this long, then saved: a killed app loses at most this much work. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface DocumentSlice {
  document: Pipeline | null;
  revision: number;
  saveState: SaveState;
  saveError: string | null;
  /** Replaces the open document (the caller made the change) and schedules a save. */
  updateDocument(update: (document: Pipeline) => Pipeline): void;
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

  return {
    document: null,
    revision: 0,
    saveState: 'saved',
    saveError: null,
    updateDocument(update) {
      const current = get().document;
      if (!current) return;
      set({ document: update(current), saveState: 'unsaved' });
      clearTimeout(timer);
      timer = setTimeout(() => {
        inFlight = inFlight.then(save);
      }, AUTOSAVE_DELAY_MS);
    },
    async flushSave() {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        inFlight = inFlight.then(save);
      }
      await inFlight;
    },
  };
};
