// What the Metric history tab shows before anything is chosen: the pipeline of the run whose details are open (else
// the only pipeline there is) by its deciding metric, over run time.
import type { ExperimentColumns, RunLineage } from '../../../shared/tracking/experiment-records';
import { primaryMetric } from '../../../shared/tracking/metric-goal';
import type { HistoryChoice } from './analysis.slice';

export function defaultHistoryChoice(columns: ExperimentColumns, shownRun: RunLineage['run'] | undefined): HistoryChoice | null {
  const pipelineName = shownRun?.pipelineName ?? (columns.pipelines.length === 1 ? columns.pipelines[0] : undefined);
  const metric = primaryMetric(shownRun && Object.keys(shownRun.metrics).length > 0 ? Object.keys(shownRun.metrics) : columns.metrics);
  return pipelineName && metric ? { pipelineName, metric, axis: 'time' } : null;
}
