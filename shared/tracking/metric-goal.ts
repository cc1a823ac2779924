// Whether a metric improves upward (accuracy), downward (rmse, log loss) or not at all (a row count, a port), and
// picking the best of several values.

/** `max`: higher is better; `min`: lower is better. */
export type MetricGoal = 'max' | 'min';

/** Words that make a metric a loss, an error, a cost or a count of bad things: lower is better. */
const LOWER_IS_BETTER = new Set(
  [
    'loss losses nll error errors err rmse mse mae mape smape rmsle msle wer cer fpr fnr psi kl divergence drift drifted',
    'latency duration time seconds ms bytes perplexity cost regret violation violations failure failures failed missing',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Words that make a metric count or name something rather than score it (train_rows, model_version, port, epoch,
 * learning_rate): no value of it is better than another, so it has no best run and its changes are neither better nor
 * worse.
 */
const NOT_A_SCORE = new Set(
  [
    'rows columns cols count samples examples records features classes size n num dropped imputed',
    'version port pid id seed epoch epochs step steps iteration iterations iter lr learning timestamp',
  ]
    .join(' ')
    .split(' '),
);

/** The words of a metric name: split at anything but letters and digits, and between camelCase humps. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The goal of a metric, judged from the words of its name: losses, errors and costs go down; counts and identifiers
 * have none (null); every other metric is a score and goes up.
 */
export function metricGoal(name: string): MetricGoal | null {
  const words = nameWords(name);
  if (words.some((word) => LOWER_IS_BETTER.has(word))) return 'min';
  if (words.some((word) => NOT_A_SCORE.has(word))) return null;
  return 'max';
}

/** What a table shows after a metric's name: ↑ when higher is better, ↓ when lower is, nothing for a count. */
export function goalArrow(goal: MetricGoal | null): string {
  return goal === 'max' ? '↑' : goal === 'min' ? '↓' : '';
}

/** Whether a change of a metric is an improvement, a decline, or neither (no change, or a metric without a goal). */
export function changeTone(delta: number | null, goal: MetricGoal | null): 'better' | 'worse' | '' {
  if (delta === null || delta === 0 || goal === null) return '';
  return (delta > 0) === (goal === 'max') ? 'better' : 'worse';
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

/** Metrics preferred as the one that decides "best", in order; otherwise the first score alphabetically. */
const PRIMARY_PREFERENCE = ['accuracy', 'f1_macro', 'roc_auc', 'r2', 'rmse', 'mae', 'log_loss'];

/** The metric that picks a best run among `names`, or null when none of them is a score. */
export function primaryMetric(names: readonly string[]): string | null {
  return PRIMARY_PREFERENCE.find((n) => names.includes(n)) ?? [...names].sort().find((n) => metricGoal(n) !== null) ?? null;
}

/**
 * Orders metric names as a table shows them: the metrics that decide "best" first (accuracy, F1, …), then the other
 * scores, then counts and identifiers (rows, port); alphabetically within each.
 */
export function compareMetricNames(a: string, b: string): number {
  const rank = (name: string) => {
    const preferred = PRIMARY_PREFERENCE.indexOf(name);
    return preferred >= 0 ? preferred : metricGoal(name) === null ? PRIMARY_PREFERENCE.length + 1 : PRIMARY_PREFERENCE.length;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The best of runs by `metric` among those that succeeded, or null. */
export function bestRunBy<R extends { runId: string | null; status: string; metrics: Record<string, number> }>(runs: readonly R[], metric: string, goal: MetricGoal): string | null {
  const finished = runs.filter((r) => r.status === 'succeeded' && r.runId !== null);
  const index = bestIndex(finished.map((r) => r.metrics[metric] ?? null), goal);
  return index === null ? null : finished[index]!.runId;
}
