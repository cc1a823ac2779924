// Comparison of selected runs, a metric's history, a run's lineage, and HTML report export for the Experiments view.
import type { MetricHistory, ModelLineageRecord, RunComparison, RunLineage } from '../../../shared/tracking/experiment-records';
import type { HistoryAxis } from '../../../shared/tracking/charts/history.chart';
import type { SliceCreator } from '../store/app-store';
import { attempt } from './api-attempt';

export interface HistoryChoice {
  pipelineName: string;
  metric: string;
  axis: HistoryAxis;
}

export interface AnalysisSlice {
  runComparison: RunComparison | null;
  /** The metric that picks the best run in the comparison (null: the default one). */
  runCompareMetric: string | null;
  historyChoice: HistoryChoice | null;
  metricHistory: MetricHistory | null;
  runLineage: RunLineage | null;
  modelLineage: ModelLineageRecord | null;
  /** Compares runs (2–50) and switches to the Compare tab. */
  compareRuns(runIds: string[], metric?: string | null): Promise<void>;
  /** Downloads a self-contained HTML report of these runs. */
  exportReport(runIds: string[]): Promise<void>;
  chooseHistory(choice: HistoryChoice): Promise<void>;
  loadLineage(runId: string): Promise<void>;
  /** A registered model version back to its run. */
  loadModelLineage(name: string, version: number): Promise<void>;
}

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get, api) => ({
  runComparison: null,
  runCompareMetric: null,
  historyChoice: null,
  metricHistory: null,
  runLineage: null,
  modelLineage: null,
  async compareRuns(runIds, metric = null) {
    const comparison = await attempt(get, () => api.invoke('experiments.compare', { runIds, ...(metric ? { metric } : {}) }));
    if (comparison) set({ runComparison: comparison, runCompareMetric: metric, experimentsTab: 'compare' });
  },
  async exportReport(runIds) {
    const metric = get().runCompareMetric;
    const report = await attempt(get, () => api.invoke('experiments.report', { runIds, ...(metric ? { metric } : {}) }));
    if (!report) return;
    const saved = await attempt(get, () => get().saveText(report.fileName, report.html, 'text/html'));
    if (saved) get().showToast('info', saved);
  },
  async chooseHistory(choice) {
    set({ historyChoice: choice });
    const history = await attempt(get, () => api.invoke('experiments.history', { pipelineName: choice.pipelineName, metric: choice.metric }));
    if (history && get().historyChoice === choice) set({ metricHistory: history });
  },
  async loadLineage(runId) {
    set({ runLineage: null });
    const lineage = await attempt(get, () => api.invoke('experiments.lineage', { runId }));
    if (lineage && get().detailRunId === runId) set({ runLineage: lineage });
  },
  async loadModelLineage(name, version) {
    const modelLineage = await attempt(get, () => api.invoke('experiments.modelLineage', { name, version }));
    if (modelLineage) set({ modelLineage });
  },
});
