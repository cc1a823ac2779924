// What the experiments API returns: table rows and pages, comparisons, metric history, sweeps, lineage.
import type { ModelVersionRecord } from '../api/model.commands';
import type { MetricPoint } from '../runs/metrics-file';
import type { RunSummary } from '../runs/run-record';
import type { NodeState } from '../runs/run-status';
import type { GraphDiff } from './graph-diff';
import type { MetricGoal } from './metric-goal';
import type { SweepSpec } from './sweep';

type ParamValue = string | number | boolean;

/** One run as the experiments table shows it. */
export interface ExperimentRow {
  id: string;
  pipelineName: string;
  pipelineId: string | null;
  pipelineRevision: number | null;
  status: RunSummary['status'];
  trigger: RunSummary['trigger'];
  startedAt: string;
  durationMs: number | null;
  /** Why it failed or stopped (the failed node and its error when one failed), else null. */
  error: string | null;
  params: Record<string, ParamValue>;
  /** Run-level metrics: per name, the value of the node latest in the run's order that reported it. */
  metrics: Record<string, number>;
  /** key → value ('' for a plain label). */
  tags: Record<string, string>;
  note: string;
  hidden: boolean;
  /** The sweep that launched the run, if any. */
  sweepId: string | null;
}

/** A window of the filtered, sorted table. */
export interface ExperimentPage {
  /** Runs matching the filter and search (the table's length). */
  total: number;
  offset: number;
  rows: ExperimentRow[];
  /** Names the filter uses that no run has (a likely typo), e.g. `metric accurcy`. */
  unknownFields: string[];
  /** Milliseconds SQLite took for the count and the page. */
  queryMs: number;
}

/** Names the column chooser offers. */
export interface ExperimentColumns {
  params: string[];
  metrics: string[];
  tags: string[];
  pipelines: string[];
}

/** One compared param: its value in each run (in the comparison's run order). */
export interface ParamComparison {
  name: string;
  values: (ParamValue | null)[];
  differs: boolean;
}

/** One compared metric: values, deltas against the first run, and which run is best. */
export interface MetricComparison {
  name: string;
  /** Null for a count or identifier (rows, a port): not a score, so no run is best. */
  goal: MetricGoal | null;
  values: (number | null)[];
  /** value − the first run's value; null where either is missing. */
  deltas: (number | null)[];
  /** False when every run that has it reports the same value (a missing value differs from any). */
  differs: boolean;
  /** Index of the best run for this metric; null when no run has it, or when its values do not tell the runs apart. */
  best: number | null;
}

/** One node across the compared runs. */
export interface NodeComparison {
  nodeId: string;
  status: (NodeState | null)[];
  durationMs: (number | null)[];
  peakRssBytes: (number | null)[];
  cached: boolean[];
}

/** A ROC curve and confusion matrix of one evaluate.classification node in one run. */
export interface ClassificationCurves {
  runId: string;
  nodeId: string;
  rocCurves: { class: string; auc: number; points: { fpr: number; tpr: number }[] }[];
  confusionMatrix: { labels: string[]; matrix: number[][] } | null;
}

/** One metric's series (loss per step) in every compared run and node that wrote it, to overlay as curves. */
export interface SeriesComparison {
  metric: string;
  lines: { runId: string; nodeId: string; points: MetricPoint[] }[];
}

/** The pipeline revisions two runs ran, and how they differ. */
export interface RevisionDiff {
  /** The first compared run, and the run diffed against it. */
  baseRunId: string;
  runId: string;
  baseRevision: number | null;
  revision: number | null;
  diff: GraphDiff;
  same: boolean;
}

/** Two or more runs side by side. */
export interface RunComparison {
  runs: ExperimentRow[];
  params: ParamComparison[];
  metrics: MetricComparison[];
  nodes: NodeComparison[];
  curves: ClassificationCurves[];
  series: SeriesComparison[];
  revisionDiffs: RevisionDiff[];
  /** The metric that picks the best run, its goal, and that run. */
  primaryMetric: string | null;
  bestRunId: string | null;
}

/** One point of a metric's history. */
export interface MetricHistoryPoint {
  runId: string;
  startedAt: string;
  revision: number | null;
  value: number;
  /** Worse than the best earlier value by more than the tolerance. */
  regression: boolean;
  /** The best earlier value (the point's baseline), null for the first. */
  bestBefore: number | null;
}

export interface MetricHistory {
  pipelineName: string;
  metric: string;
  /** Null for a count or identifier: no value is better, so nothing is a regression. */
  goal: MetricGoal | null;
  points: MetricHistoryPoint[];
}

export type SweepStatus = 'running' | 'finished' | 'canceled' | 'interrupted';

/** One combination of a sweep and the run it launched (null until started). */
export interface SweepRunRecord {
  position: number;
  params: Record<string, ParamValue>;
  runId: string | null;
  /** `deleted`: its run was deleted since. */
  status: RunSummary['status'] | 'pending' | 'deleted';
  metrics: Record<string, number>;
}

export interface SweepRecord {
  id: string;
  pipelineId: string | null;
  pipelineName: string;
  pipelineRevision: number | null;
  spec: SweepSpec;
  /** Pipeline parameters set for every run of the sweep. */
  baseParams: Record<string, ParamValue>;
  /** Runs at once. */
  parallel: number;
  /** The metric that picks the best run (null: the first metric the runs report), and whether higher is better. */
  metric: string | null;
  goal: MetricGoal;
  status: SweepStatus;
  createdAt: string;
  finishedAt: string | null;
  runs: SweepRunRecord[];
  /** The best finished run by `metric`, once one has it. */
  bestRunId: string | null;
}

/** A sweep in the sweeps list. */
export type SweepSummary = Omit<SweepRecord, 'runs'> & { total: number; done: number };

/** Lineage of a run: what it ran (revision, params, data hashes) and the model versions it registered. */
export interface RunLineage {
  run: ExperimentRow;
  /** Content hashes of every dataset artifact the run produced or reused, by `node.port`. */
  dataHashes: Record<string, string>;
  models: ModelVersionRecord[];
}

/** Lineage of a model version back to its run (null when the run was deleted or came from outside a run). */
export interface ModelLineageRecord {
  version: ModelVersionRecord;
  run: RunLineage | null;
}
