// Metric goals from names, picking the best value, the deciding metric, and regressions in a metric's history.
import { describe, expect, it } from 'vitest';
import { bestIndex, bestRunBy, metricGoal, primaryMetric } from '../../../shared/tracking/metric-goal';
import { markRegressions } from '../../../shared/tracking/metric-history';

describe('metric goals', () => {
  it('losses, errors and costs go down; scores go up', () => {
    for (const name of ['log_loss', 'rmse', 'mae', 'val-loss', 'error_rate', 'psi', 'latency_ms', 'train_loss']) expect(metricGoal(name), name).toBe('min');
    for (const name of ['accuracy', 'f1_macro', 'roc_auc', 'r2', 'precision_macro', 'runtime_version', 'lossless_ratio']) expect(metricGoal(name), name).toBe('max');
  });

  it('best index ignores missing values and keeps the first of ties', () => {
    expect(bestIndex([0.5, null, 0.9, 0.9], 'max')).toBe(2);
    expect(bestIndex([0.5, null, 0.2, Number.NaN], 'min')).toBe(2);
    expect(bestIndex([null, undefined], 'max')).toBeNull();
  });

  it('best run: only succeeded runs with the metric count', () => {
    const runs: { runId: string | null; status: string; metrics: Record<string, number> }[] = [
      { runId: 'a', status: 'succeeded', metrics: { loss: 0.5 } },
      { runId: 'b', status: 'failed', metrics: { loss: 0.1 } },
      { runId: null, status: 'pending', metrics: {} },
      { runId: 'c', status: 'succeeded', metrics: { loss: 0.3 } },
    ];
    expect(bestRunBy(runs, 'loss', 'min')).toBe('c');
    expect(bestRunBy(runs, 'loss', 'max')).toBe('a');
    expect(bestRunBy(runs, 'accuracy', 'max')).toBeNull();
  });

  it('prefers accuracy, then F1, ROC-AUC, r2, rmse …, else the first name', () => {
    expect(primaryMetric(['log_loss', 'roc_auc', 'accuracy'])).toBe('accuracy');
    expect(primaryMetric(['rmse', 'r2'])).toBe('r2');
    expect(primaryMetric(['zeta', 'beta'])).toBe('beta');
    expect(primaryMetric([])).toBeNull();
  });
});

describe('markRegressions', () => {
  const points = (values: number[]) => values.map((value, i) => ({ runId: `r${i}`, startedAt: `2026-01-0${i + 1}`, revision: i + 1, value }));

  it('marks values worse than the best before them', () => {
    const marked = markRegressions(points([0.8, 0.9, 0.85, 0.95, 0.94]), 'max');
    expect(marked.map((p) => p.regression)).toEqual([false, false, true, false, true]);
    expect(marked.map((p) => p.bestBefore)).toEqual([null, 0.8, 0.9, 0.9, 0.95]);
  });

  it('honours the goal and a relative tolerance', () => {
    expect(markRegressions(points([1, 0.5, 0.6]), 'min').map((p) => p.regression)).toEqual([false, false, true]);
    expect(markRegressions(points([0.9, 0.895, 0.85]), 'max', 0.01).map((p) => p.regression)).toEqual([false, false, true]);
  });
});
