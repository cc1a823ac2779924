// A metric across the runs of a pipeline, oldest first, with regressions marked: a run whose value is worse than
// the best value before it by more than the tolerance.
import type { MetricHistoryPoint } from './experiment-records';
import { isBetter, type MetricGoal } from './metric-goal';

/** A run's value of the metric, before regressions are judged. */
export type HistoryInput = Omit<MetricHistoryPoint, 'regression' | 'bestBefore'>;

/**
 * Marks regressions. `tolerance` is relative to the best earlier value (0.01 = 1 % worse is still fine), so
 * run-to-run noise of a seeded split does not light up every point. A metric without a goal (a row count) has none.
 */
export function markRegressions(points: readonly HistoryInput[], goal: MetricGoal | null, tolerance = 0): MetricHistoryPoint[] {
  if (goal === null) return points.map((point) => ({ ...point, regression: false, bestBefore: null }));
  let best: number | null = null;
  return points.map((point) => {
    const bestBefore = best;
    const margin = bestBefore === null ? 0 : Math.abs(bestBefore) * tolerance;
    const regression = bestBefore !== null && (goal === 'max' ? point.value < bestBefore - margin : point.value > bestBefore + margin);
    if (best === null || isBetter(point.value, best, goal)) best = point.value;
    return { ...point, regression, bestBefore };
  });
}
