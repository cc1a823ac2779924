// The chartable parts of a regression evaluation's report (evaluate.regression's `metrics` artifact): its
// actual/predicted pairs and its residual histogram, read defensively from a file a node wrote.

/** `counts[i]` values fall in [edges[i], edges[i+1]). */
export interface HistogramData {
  edges: number[];
  counts: number[];
}

export interface RegressionCharts {
  points: { actual: number; predicted: number }[];
  residuals: HistogramData | null;
}

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((v) => typeof v === 'number');

/** A histogram whose edges bound its counts, or null. */
export function histogramOf(value: unknown): HistogramData | null {
  if (value === null || typeof value !== 'object') return null;
  const { edges, counts } = value as Partial<HistogramData>;
  return isNumbers(edges) && isNumbers(counts) && counts.length > 0 && edges.length === counts.length + 1 ? { edges, counts } : null;
}

/** The pairs and the residual histogram of a report whose `task` is regression, or null. */
export function regressionChartsOf(report: unknown): RegressionCharts | null {
  if (report === null || typeof report !== 'object') return null;
  const { task, points, residuals } = report as { task?: unknown; points?: unknown; residuals?: { histogram?: unknown } };
  if (task !== 'regression') return null;
  const pairs = Array.isArray(points) ? points.filter((p): p is RegressionCharts['points'][number] => typeof p?.actual === 'number' && typeof p?.predicted === 'number') : [];
  const histogram = histogramOf(residuals?.histogram);
  return pairs.length > 0 || histogram ? { points: pairs, residuals: histogram } : null;
}
