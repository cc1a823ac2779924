// Hyperparameter sweeps in the Experiments view: the list, the selected sweep (kept current from sweep.changed),
// and starting or canceling one.
import type { SweepRecord, SweepSummary } from '../../../shared/tracking/experiment-records';
import type { SweepSpec } from '../../../shared/tracking/sweep';
import type { SliceCreator } from '../store/app-store';
import { attempt } from './api-attempt';

/** What the sweep form asks for. */
export interface SweepLaunch {
  pipelineId: string;
  spec: SweepSpec;
  parallel: number;
  metric?: string;
}

export interface SweepsSlice {
  sweeps: SweepSummary[];
  selectedSweep: SweepRecord | null;
  refreshSweeps(): Promise<void>;
  selectSweep(sweepId: string | null): Promise<void>;
  /** Starts a sweep and selects it; false when the server refused it (the toast says why). */
  startSweep(launch: SweepLaunch): Promise<boolean>;
  cancelSweep(sweepId: string): Promise<void>;
  /** Follows sweep progress while the view is open. */
  watchSweeps(): () => void;
}

export const createSweepsSlice: SliceCreator<SweepsSlice> = (set, get, api) => ({
  sweeps: [],
  selectedSweep: null,
  async refreshSweeps() {
    const sweeps = await attempt(get, () => api.invoke('sweep.list', {}));
    if (sweeps) set({ sweeps });
  },
  async selectSweep(sweepId) {
    if (!sweepId) return set({ selectedSweep: null });
    const sweep = await attempt(get, () => api.invoke('sweep.get', { sweepId }));
    if (sweep) set({ selectedSweep: sweep });
  },
  async startSweep({ pipelineId, spec, parallel, metric }) {
    const sweep = await attempt(get, () => api.invoke('sweep.start', { pipelineId, spec, parallel, ...(metric ? { metric } : {}) }));
    if (!sweep) return false;
    set({ selectedSweep: sweep });
    await get().refreshSweeps();
    return true;
  },
  async cancelSweep(sweepId) {
    await attempt(get, () => api.invoke('sweep.cancel', { sweepId }));
    await get().selectSweep(sweepId);
  },
  watchSweeps() {
    void get().refreshSweeps();
    const unsubscribers = [
      api.subscribe('sweep.changed', (event) => {
        void get().refreshSweeps();
        if (get().selectedSweep?.id === event.sweepId) void get().selectSweep(event.sweepId);
        if (event.status !== 'running') void get().refreshExperiments();
      }),
      // Deleted runs show as deleted in their sweep, and a sweep left without runs goes from the list.
      api.subscribe('experiments.changed', ({ runIds, deleted }) => {
        if (!deleted) return;
        void get().refreshSweeps();
        const selected = get().selectedSweep;
        if (!selected?.runs.some((r) => r.runId !== null && runIds.includes(r.runId))) return;
        // Read again; gone when the deletion took the sweep with its last runs.
        api.invoke('sweep.get', { sweepId: selected.id }).then(
          (sweep) => set({ selectedSweep: sweep }),
          () => set({ selectedSweep: null }),
        );
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  },
});
