// The sidebar's pipelines: list, create, rename, duplicate, delete, and which one is open.
import type { PipelineSummary } from '../../../shared/api/index';
import type { SliceCreator } from './app-store';

export interface PipelinesSlice {
  pipelines: PipelineSummary[];
  openId: string | null;
  refreshPipelines(): Promise<void>;
  openPipeline(id: string | null): Promise<void>;
  createPipeline(name: string): Promise<void>;
  renamePipeline(id: string, name: string): Promise<boolean>;
  duplicatePipeline(id: string): Promise<void>;
  deletePipeline(id: string): Promise<void>;
}

/** Runs an API call; on failure shows the server's message as a toast and resolves to undefined. */
async function attempt<T>(showToast: (kind: 'error', text: string) => void, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    showToast('error', (error as Error).message);
    return undefined;
  }
}

export const createPipelinesSlice: SliceCreator<PipelinesSlice> = (set, get, api) => ({
  pipelines: [],
  openId: null,
  async refreshPipelines() {
    const pipelines = await attempt(get().showToast, () => api.invoke('pipeline.list', {}));
    if (pipelines) set({ pipelines });
  },
  async openPipeline(id) {
    await get().flushSave();
    if (id === null) return set({ openId: null, document: null, revision: 0 });
    const record = await attempt(get().showToast, () => api.invoke('pipeline.get', { id }));
    if (record) set({ openId: id, document: record.document, revision: record.revision, saveState: 'saved' });
  },
  async createPipeline(name) {
    const record = await attempt(get().showToast, () => api.invoke('pipeline.create', { name }));
    if (!record) return;
    await get().refreshPipelines();
    await get().openPipeline(record.id);
  },
  async renamePipeline(id, name) {
    if (get().openId === id) await get().flushSave();
    const summary = await attempt(get().showToast, () => api.invoke('pipeline.rename', { id, name }));
    if (!summary) return false;
    await get().refreshPipelines();
    if (get().openId === id) await get().openPipeline(id);
    return true;
  },
  async duplicatePipeline(id) {
    if (get().openId === id) await get().flushSave();
    const record = await attempt(get().showToast, () => api.invoke('pipeline.duplicate', { id }));
    if (!record) return;
    await get().refreshPipelines();
    await get().openPipeline(record.id);
  },
  async deletePipeline(id) {
    const done = await attempt(get().showToast, () => api.invoke('pipeline.delete', { id }));
    if (!done) return;
    if (get().openId === id) set({ openId: null, document: null, revision: 0, saveState: 'saved' });
    await get().refreshPipelines();
  },
});
