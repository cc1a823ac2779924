// Whether a metric improves upward (accuracy) or downward (rmse, log loss), and picking the best of several values.

/** `max`: higher is better; `min`: lower is better. */
export type MetricGoal = 'max' | 'min';

// Names of losses and errors: lower is better. Matched as words of the metric name (log_loss, val-rmse, mae).
const LOWER_IS_BETTER = /(^|[^a-z])(loss|error|err|rmse|mse|mae|mape|smape|psi|drift|latency|duration|time|seconds|ms|bytes|perplexity)([^a-z]|$)/i;

/** The goal of a metric, judged from its name (losses, errors and costs go down, scores go up). */
export function metricGoal(name: string): MetricGoal {
  return LOWER_IS_BETTER.test(name) ? 'min' : 'max';
}

/** True when `candidate` beats `incumbent` under `goal`. */
export function isBetter(candidate: number, incumbent: number, goal: MetricGoal): boolean {
  return goal === 'max' ? candidate > incumbent : candidate < incumbent;
}

/** Index of the best value, ignoring missing ones; the first wins ties; null when none is present. */
export function bestIndex(values: readonly (number | null | undefined)[], goal: MetricGoal): number | null {
  let best: number | null = null;
  values.forEach((value, i) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    if (best === null || isBetter(value, values[best]!, goal)) best = i;
  });
  return best;
}

/** Metrics preferred as the one that decides "best", in order; otherwise the first name alphabetically. */
const PRIMARY_PREFERENCE = ['accuracy', 'f1_macro', 'roc_auc', 'r2', 'rmse', 'mae', 'log_loss'];

/** The metric that picks a best run among `names`, or null when there are none. */
export function primaryMetric(names: readonly string[]): string | null {
  return PRIMARY_PREFERENCE.find((n) => names.includes(n)) ?? [...names].sort()[0] ?? null;
}

/** The best of runs by `metric` among those that succeeded, or null. */
export function bestRunBy<R extends { runId: string | null; status: string; metrics: Record<string, number> }>(runs: readonly R[], metric: string, goal: MetricGoal): string | null {
  const finished = runs.filter((r) => r.status === 'succeeded' && r.runId !== null);
  const index = bestIndex(finished.map((r) => r.metrics[metric] ?? null), goal);
  return index === null ? null : finished[index]!.runId;
}
