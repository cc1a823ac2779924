// The stored pipelines: list, create (empty, from a template, by import), open, rename, duplicate, delete, restore a
// revision. The open pipeline's id is remembered so a reload reopens it.
import type { PipelineRecord, PipelineSummary } from '../../../shared/api/index';
import { ApiError } from '../../../shared/api/index';
import type { SliceCreator } from './app-store';

const LAST_OPEN_KEY = 'pipewright.lastOpenPipeline';

export interface PipelinesSlice {
  pipelines: PipelineSummary[];
  openId: string | null;
  /** The sidebar shows the name field of a new pipeline (from "+ New" or the empty canvas). */
  namingNewPipeline: boolean;
  setNamingNewPipeline(naming: boolean): void;
  refreshPipelines(): Promise<void>;
  openPipeline(id: string | null): Promise<void>;
  /** Opens the pipeline that was open before the page was reloaded, if it still exists. */
  reopenLast(): Promise<void>;
  createPipeline(name: string): Promise<void>;
  createFromTemplate(templateId: string, name?: string): Promise<boolean>;
  /** Imports pipeline file text (JSON or YAML) as a new pipeline and opens it. */
  importPipelineFile(text: string, fileName: string): Promise<boolean>;
  renamePipeline(id: string, name: string): Promise<boolean>;
  duplicatePipeline(id: string): Promise<void>;
  deletePipeline(id: string): Promise<void>;
  /** Makes an earlier revision current again (as a new revision, and as one undo step). */
  restoreRevision(revision: number): Promise<boolean>;
}

/** The message a failed call shows: the server's sentence, plus how many more problems it found. */
export function failureText(error: unknown): string {
  const message = (error as Error).message;
  const more = error instanceof ApiError && error.problems && error.problems.length > 1 ? ` (and ${error.problems.length - 1} more problems)` : '';
  return `${message}${more}`;
}

export const createPipelinesSlice: SliceCreator<PipelinesSlice> = (set, get, api) => {
  /** Runs an API call; on failure shows the server's message as a toast and resolves to undefined. */
  const attempt = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      get().showToast('error', failureText(error));
      return undefined;
    }
  };

  /** Shows `text` as progress over the canvas while `work` runs. */
  const busy = async <T>(text: string, work: () => Promise<T>): Promise<T> => {
    get().setCanvasBusy(text);
    try {
      return await work();
    } finally {
      if (get().canvasBusy === text) get().setCanvasBusy(null);
    }
  };

  const openCreated = async (record: PipelineRecord | undefined): Promise<boolean> => {
    if (!record) return false;
    await get().refreshPipelines();
    await get().openPipeline(record.id);
    return true;
  };

  return {
    pipelines: [],
    openId: null,
    namingNewPipeline: false,
    setNamingNewPipeline: (naming) => set({ namingNewPipeline: naming }),
    async refreshPipelines() {
      const pipelines = await attempt(() => api.invoke('pipeline.list', {}));
      if (pipelines) set({ pipelines });
    },
    async openPipeline(id) {
      await get().flushSave();
      if (id === null) {
        set({ openId: null });
        globalThis.localStorage?.removeItem(LAST_OPEN_KEY);
        return get().loadDocument(null, 0);
      }
      const name = get().pipelines.find((p) => p.id === id)?.name ?? 'pipeline';
      const record = await busy(`Opening ${name}…`, () => attempt(() => api.invoke('pipeline.get', { id })));
      if (!record) return;
      set({ openId: id, measured: new Map() });
      get().loadDocument(record.document, record.revision);
      globalThis.localStorage?.setItem(LAST_OPEN_KEY, id);
    },
    async reopenLast() {
      const id = globalThis.localStorage?.getItem(LAST_OPEN_KEY);
      if (id && get().pipelines.some((p) => p.id === id)) await get().openPipeline(id);
    },
    async createPipeline(name) {
      await openCreated(await attempt(() => api.invoke('pipeline.create', { name })));
    },
    async createFromTemplate(templateId, name) {
      return openCreated(await attempt(() => api.invoke('template.create', { id: templateId, ...(name ? { name } : {}) })));
    },
    async importPipelineFile(text, fileName) {
      const opened = await openCreated(await busy(`Importing ${fileName}…`, () => attempt(() => api.invoke('pipeline.import', { text, fileName }))));
      if (opened) get().showToast('info', `Imported ${fileName}`);
      return opened;
    },
    async renamePipeline(id, name) {
      if (get().openId === id) await get().flushSave();
      const summary = await attempt(() => api.invoke('pipeline.rename', { id, name }));
      if (!summary) return false;
      await get().refreshPipelines();
      if (get().openId === id) get().updateDocument((doc) => ({ ...doc, name }));
      return true;
    },
    async duplicatePipeline(id) {
      if (get().openId === id) await get().flushSave();
      await openCreated(await attempt(() => api.invoke('pipeline.duplicate', { id })));
    },
    async deletePipeline(id) {
      const done = await attempt(() => api.invoke('pipeline.delete', { id }));
      if (!done) return;
      if (get().openId === id) await get().openPipeline(null);
      await get().refreshPipelines();
    },
    async restoreRevision(revision) {
      const id = get().openId;
      if (!id) return false;
      await get().flushSave();
      const record = await attempt(() => api.invoke('pipeline.restore', { id, revision }));
      if (!record) return false;
      get().updateDocument(() => record.document);
      set({ revision: record.revision });
      await get().refreshPipelines();
      get().showToast('info', `Restored revision ${revision} as revision ${record.revision}`);
      return true;
    },
  };
};
