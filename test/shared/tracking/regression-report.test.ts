// Reading a regression evaluation's pairs and residual histogram out of a report a node wrote, whatever it holds.
import { describe, expect, it } from 'vitest';
import { histogramOf, regressionChartsOf } from '../../../shared/tracking/regression-report';

describe('regressionChartsOf', () => {
  it('takes the actual/predicted pairs and the residual histogram', () => {
    const report = { task: 'regression', rmse: 1, points: [{ actual: 3, predicted: 2.5 }, { actual: 1, predicted: 'x' }], residuals: { mean: 0, histogram: { edges: [-1, 0, 1], counts: [2, 3] } } };
    expect(regressionChartsOf(report)).toEqual({ points: [{ actual: 3, predicted: 2.5 }], residuals: { edges: [-1, 0, 1], counts: [2, 3] } });
  });

  it('only for a regression report that holds one of them', () => {
    expect(regressionChartsOf({ task: 'classification', points: [{ actual: 1, predicted: 1 }] })).toBeNull();
    expect(regressionChartsOf({ task: 'regression', rmse: 2 })).toBeNull();
    for (const report of [null, 'x', 4, []]) expect(regressionChartsOf(report)).toBeNull();
  });
});

describe('histogramOf', () => {
  it('needs one edge more than counts, all numbers', () => {
    expect(histogramOf({ edges: [0, 1], counts: [4] })).toEqual({ edges: [0, 1], counts: [4] });
    for (const value of [{ edges: [0, 1], counts: [4, 5] }, { edges: [0, 'a'], counts: [1] }, { edges: [], counts: [] }, null, 'h']) expect(histogramOf(value)).toBeNull();
  });
});
