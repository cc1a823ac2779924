// Regression metrics (scikit-learn's definitions) and a residual summary for charts.
import { max, mean, min, standardDeviation } from 'simple-statistics';
import { histogram, type Histogram } from './histogram';

/** The evaluation of a regressor; the `metrics` artifact of evaluate.regression. */
export interface RegressionReport {
  task: 'regression';
  rows: number;
  rmse: number;
  mae: number;
  r2: number;
  /** Residual = actual − predicted. */
  residuals: { mean: number; std: number; min: number; max: number; histogram: Histogram };
  /** The first rows' actual/predicted pairs, for a scatter plot. */
  points: { actual: number; predicted: number }[];
}

export function regressionReport(actual: readonly number[], predicted: readonly number[], maxPoints = 500): RegressionReport {
  const residuals = actual.map((y, i) => y - predicted[i]!);
  return {
    task: 'regression',
    rows: actual.length,
    rmse: Math.sqrt(mean(residuals.map((r) => r * r))),
    mae: mean(residuals.map(Math.abs)),
    r2: rSquared(actual, predicted),
    residuals: { mean: mean(residuals), std: standardDeviation(residuals), min: min(residuals), max: max(residuals), histogram: histogram(residuals, 20) },
    points: actual.slice(0, maxPoints).map((y, i) => ({ actual: y, predicted: predicted[i]! })),
  };
}

/** Coefficient of determination; with a constant target, 1 for an exact fit else 0 (scikit-learn's convention). */
export function rSquared(actual: readonly number[], predicted: readonly number[]): number {
  const average = mean([...actual]);
  let residual = 0;
  let total = 0;
  actual.forEach((y, i) => {
    residual += (y - predicted[i]!) ** 2;
    total += (y - average) ** 2;
  });
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
