// Metric goals from names, picking the best value, the deciding metric, and regressions in a metric's history.
import { describe, expect, it } from 'vitest';
import { bestIndex, bestRunBy, changeTone, compareMetricNames, goalArrow, metricGoal, primaryMetric } from '../../../shared/tracking/metric-goal';
import { markRegressions } from '../../../shared/tracking/metric-history';

describe('metric goals', () => {
  it('losses, errors, costs and counts of bad things go down; scores go up', () => {
    const lower = ['log_loss', 'rmse', 'mae', 'val-loss', 'error_rate', 'psi', 'latency_ms', 'train_loss', 'valLoss', 'errors'];
    // What the built-in nodes report: validate's violations, drift's drifted columns, share and largest PSI.
    lower.push('violations', 'drifted_columns', 'drift_share', 'max_psi');
    for (const name of lower) expect(metricGoal(name), name).toBe('min');
    const higher = ['accuracy', 'f1_macro', 'roc_auc', 'r2', 'precision_macro', 'lossless_ratio', 'training_accuracy', 'training_r2', 'gate_passed', 'valAccuracy', 'success_rate'];
    for (const name of higher) expect(metricGoal(name), name).toBe('max');
  });

  it('counts and identifiers are not scores: no goal', () => {
    // Every such metric a built-in node reports (rows, split sizes, cleaning counts, the registered version, the port).
    const builtIn = ['rows', 'columns', 'train_rows', 'test_rows', 'validation_rows', 'training_rows', 'rows_dropped', 'values_imputed', 'model_version', 'port'];
    for (const name of [...builtIn, 'runtime_version', 'epoch', 'step', 'learning_rate', 'lr', 'n_features', 'numSamples', 'seed']) expect(metricGoal(name), name).toBeNull();
  });

  it('arrows and tones follow the goal; a metric without one has neither', () => {
    expect([goalArrow('max'), goalArrow('min'), goalArrow(null)]).toEqual(['↑', '↓', '']);
    expect([changeTone(0.1, 'max'), changeTone(0.1, 'min'), changeTone(-0.1, 'min'), changeTone(0, 'max'), changeTone(null, 'max'), changeTone(5, null)]).toEqual([
      'better',
      'worse',
      'better',
      '',
      '',
      '',
    ]);
  });

  it('tables show the deciding metrics first, then other scores, then counts', () => {
    const names = ['rows', 'port', 'precision_macro', 'log_loss', 'accuracy', 'gate_passed', 'roc_auc', 'train_rows'];
    expect(names.sort(compareMetricNames)).toEqual(['accuracy', 'roc_auc', 'log_loss', 'gate_passed', 'precision_macro', 'port', 'rows', 'train_rows']);
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
    // A count never decides: the first score does, and with none there is no best.
    expect(primaryMetric(['rows', 'auc_pr', 'columns'])).toBe('auc_pr');
    expect(primaryMetric(['rows', 'port'])).toBeNull();
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

  it('marks nothing for a metric without a goal', () => {
    expect(markRegressions(points([500, 400, 600]), null).map((p) => [p.regression, p.bestBefore])).toEqual([
      [false, null],
      [false, null],
      [false, null],
    ]);
  });
});
