// Compares two or more runs: params (differences marked), metrics (deltas, best run), metric series (loss per step),
// per-node durations and peak memory, ROC curves and confusion matrices of their classification evaluations, and graph
// diffs of their revisions.
import { readFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/index';
import type { RunDetail } from '../../shared/runs/run-record';
import type {
  ClassificationCurves,
  ExperimentRow,
  MetricComparison,
  NodeComparison,
  ParamComparison,
  RevisionDiff,
  RunComparison,
  SeriesComparison,
} from '../../shared/tracking/experiment-records';
import { classificationCurvesOf } from '../../shared/tracking/classification-curves';
import { diffPipelines, isEmptyDiff } from '../../shared/tracking/graph-diff';
import { bestIndex, metricGoal, primaryMetric } from '../../shared/tracking/metric-goal';
import type { RunsRepo } from '../store/runs.repo';
import type { TrackingRepo } from '../store/tracking.repo';

/** The node type whose metrics artifact carries ROC curves and a confusion matrix (engine/nodes/evaluate.classification). */
const CLASSIFICATION_EVALUATION = 'evaluate.classification';
export const MAX_COMPARED_RUNS = 50;

/** Sorted union of the keys of several records. */
function names(records: readonly object[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

export function compareRuns(runIds: readonly string[], repos: { runs: RunsRepo; tracking: TrackingRepo }, metric?: string): RunComparison {
  const unique = [...new Set(runIds)];
  if (unique.length > MAX_COMPARED_RUNS) throw new ApiError('invalid_input', `compare at most ${MAX_COMPARED_RUNS} runs at once; got ${unique.length}`);
  const rows = repos.tracking.rows(unique);
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new ApiError('not_found', `no run with id ${missing.join(', ')}`);
  const details = unique.map((id) => repos.runs.get(id));
  const metrics = compareMetrics(rows);
  const primary = metric ?? primaryMetric(metrics.map((m) => m.name));
  const deciding = metrics.find((m) => m.name === primary);
  if (metric && !deciding) throw new ApiError('invalid_input', `none of these runs reports a metric named "${metric}"`);
  return {
    runs: rows,
    params: compareParams(rows),
    metrics,
    nodes: compareNodes(details),
    curves: details.flatMap((run) => classificationCurves(run, repos.runs)),
    series: compareSeries(details),
    revisionDiffs: details.slice(1).map((run) => revisionDiff(details[0]!, run)),
    primaryMetric: deciding ? primary : null,
    bestRunId: deciding && deciding.best !== null ? rows[deciding.best]!.id : null,
  };
}

function compareParams(rows: ExperimentRow[]): ParamComparison[] {
  return names(rows.map((r) => r.params)).map((name) => {
    const values = rows.map((r) => r.params[name] ?? null);
    return { name, values, differs: new Set(values.map((v) => JSON.stringify(v))).size > 1 };
  });
}

function compareMetrics(rows: ExperimentRow[]): MetricComparison[] {
  return names(rows.map((r) => r.metrics)).map((name) => {
    const goal = metricGoal(name);
    const values = rows.map((r) => r.metrics[name] ?? null);
    const base = values[0] ?? null;
    const differs = new Set(values).size > 1;
    const deltas = values.map((v) => (v === null || base === null ? null : v - base));
    return { name, goal, values, deltas, differs, best: differs && goal ? bestIndex(values, goal) : null };
  });
}

/** Each metric some node wrote step by step: its series in every run and node, in run order. */
function compareSeries(details: RunDetail[]): SeriesComparison[] {
  const byMetric = new Map<string, SeriesComparison['lines']>();
  for (const run of details) {
    for (const node of run.nodes) {
      for (const [metric, points] of Object.entries(node.metricSeries ?? {})) {
        byMetric.set(metric, [...(byMetric.get(metric) ?? []), { runId: run.id, nodeId: node.nodeId, points }]);
      }
    }
  }
  return [...byMetric].sort(([a], [b]) => a.localeCompare(b)).map(([metric, lines]) => ({ metric, lines }));
}

/** Every node of any run, in the first run's order, then nodes only later runs have. */
function compareNodes(details: RunDetail[]): NodeComparison[] {
  const order = [...new Set(details.flatMap((d) => d.nodes.map((n) => n.nodeId)))];
  return order.map((nodeId) => {
    const nodes = details.map((d) => d.nodes.find((n) => n.nodeId === nodeId));
    return {
      nodeId,
      status: nodes.map((n) => n?.status ?? null),
      durationMs: nodes.map((n) => n?.durationMs ?? null),
      peakRssBytes: nodes.map((n) => n?.peakRssBytes ?? null),
      cached: nodes.map((n) => n?.cached ?? false),
    };
  });
}

/** ROC curves and confusion matrix from each classification evaluation's metrics artifact (missing files are skipped). */
function classificationCurves(run: RunDetail, runs: RunsRepo): ClassificationCurves[] {
  const evaluations = run.document.nodes.filter((n) => n.type === CLASSIFICATION_EVALUATION);
  return evaluations.flatMap((node) => {
    const artifact = runs.artifacts(run.id, node.id).find((a) => a.port === 'metrics');
    if (!artifact) return [];
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(artifact.path, 'utf8'));
    } catch {
      return []; // the run folder was pruned or the file is damaged: the comparison still shows everything else
    }
    // A report without curves still counts: the comparison shows an evaluation for every run that has one.
    return [classificationCurvesOf(run.id, node.id, report) ?? { runId: run.id, nodeId: node.id, rocCurves: [], confusionMatrix: null }];
  });
}

function revisionDiff(base: RunDetail, run: RunDetail): RevisionDiff {
  const diff = diffPipelines(base.document, run.document);
  return { baseRunId: base.id, runId: run.id, baseRevision: base.pipelineRevision, revision: run.pipelineRevision, diff, same: isEmptyDiff(diff) };
}
