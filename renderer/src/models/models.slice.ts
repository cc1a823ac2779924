// The model registry and deployments as the UI sees them: models, the selected model's versions, a comparison of two
// versions, and the local prediction servers.
import type { DeploymentRecord, ModelComparison, ModelSummary, ModelVersionRecord } from '../../../shared/api/index';
import type { SliceCreator } from '../store/app-store';

export interface ModelsSlice {
  models: ModelSummary[];
  selectedModel: string | null;
  modelVersions: ModelVersionRecord[];
  /** The two versions picked for comparison (by version number), in pick order. */
  comparePick: number[];
  comparison: ModelComparison | null;
  deployments: DeploymentRecord[];
  /** Lineage: leaves the Models view for the run that produced a version (its pipeline, with the run shown). */
  openModelRun(runId: string): Promise<void>;
  refreshModels(): Promise<void>;
  selectModel(name: string | null): Promise<void>;
  setModelAlias(alias: string, version: number): Promise<boolean>;
  removeModelAlias(alias: string): Promise<void>;
  toggleComparePick(version: number): void;
  compareVersions(): Promise<void>;
  closeComparison(): void;
  refreshDeployments(): Promise<void>;
  stopDeployment(id: string): Promise<void>;
  stopAllDeployments(): Promise<void>;
  /** Keeps the view current while it is shown (events from this app, polling for changes made by runs and the CLI). */
  watchModels(): () => void;
}

const POLL_MS = 3000;

export const createModelsSlice: SliceCreator<ModelsSlice> = (set, get, api) => {
  /** Runs an API call; on failure shows the server's message as a toast and resolves to undefined. */
  async function attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      get().showToast('error', (error as Error).message);
      return undefined;
    }
  }

  async function loadVersions(name: string): Promise<void> {
    const versions = await attempt(() => api.invoke('model.versions', { name }));
    if (versions && get().selectedModel === name) set({ modelVersions: versions });
  }

  return {
    models: [],
    selectedModel: null,
    modelVersions: [],
    comparePick: [],
    comparison: null,
    deployments: [],
    async openModelRun(runId) {
      const run = await attempt(() => api.invoke('run.get', { runId }));
      if (!run) return;
      if (run.pipelineId) await get().openPipeline(run.pipelineId);
      else get().showToast('info', `run ${runId} ran a pipeline file, not a stored pipeline; it is shown with the open pipeline`);
      await get().openRun(runId);
      get().setRunPanelOpen(true);
      get().setView('designer');
    },
    async refreshModels() {
      const models = await attempt(() => api.invoke('model.list', {}));
      if (!models) return;
      set({ models });
      const selected = get().selectedModel;
      if (selected && models.some((m) => m.name === selected)) await loadVersions(selected);
      else await get().selectModel(models[0]?.name ?? null);
    },
    async selectModel(name) {
      set({ selectedModel: name, modelVersions: [], comparePick: [], comparison: null });
      if (name) await loadVersions(name);
    },
    async setModelAlias(alias, version) {
      const name = get().selectedModel;
      if (!name) return false;
      const done = await attempt(() => api.invoke('model.setAlias', { name, alias, version }));
      if (!done) return false;
      get().showToast('info', `${alias} → ${name} version ${version}`);
      await get().refreshModels();
      return true;
    },
    async removeModelAlias(alias) {
      const name = get().selectedModel;
      if (!name) return;
      await attempt(() => api.invoke('model.removeAlias', { name, alias }));
      await get().refreshModels();
    },
    toggleComparePick(version) {
      const picked = get().comparePick;
      set({ comparePick: picked.includes(version) ? picked.filter((v) => v !== version) : [...picked, version].slice(-2) });
    },
    async compareVersions() {
      const name = get().selectedModel;
      const [a, b] = [...get().comparePick].sort((x, y) => x - y);
      if (!name || a === undefined || b === undefined) return;
      const comparison = await attempt(() => api.invoke('model.compare', { a: { name, version: a }, b: { name, version: b } }));
      if (comparison) set({ comparison });
    },
    closeComparison: () => set({ comparison: null }),
    async refreshDeployments() {
      const deployments = await attempt(() => api.invoke('deployment.list', {}));
      if (deployments) set({ deployments });
    },
    async stopDeployment(id) {
      const stopped = await attempt(() => api.invoke('deployment.stop', { id }));
      if (stopped?.[0]) get().showToast('info', `stopped ${stopped[0].name}`);
      await get().refreshDeployments();
    },
    async stopAllDeployments() {
      const stopped = await attempt(() => api.invoke('deployment.stop', { all: true }));
      if (stopped) get().showToast('info', `stopped ${stopped.length} deployment${stopped.length === 1 ? '' : 's'}`);
      await get().refreshDeployments();
    },
    watchModels() {
      const refresh = () => {
        void get().refreshModels();
        void get().refreshDeployments();
      };
      refresh();
      const unsubscribers = [api.subscribe('model.changed', refresh), api.subscribe('deployment.changed', refresh)];
      const timer = setInterval(refresh, POLL_MS);
      return () => {
        clearInterval(timer);
        for (const unsubscribe of unsubscribers) unsubscribe();
      };
    },
  };
};
