// Ordinary least squares backed by ml-regression-multivariate-linear (closed form through an SVD).
import MultivariateLinearRegression from 'ml-regression-multivariate-linear';
import type { EstimatorKind } from './estimator';

export interface LinearRegressionParams {
  intercept: boolean;
}

function wrap(model: MultivariateLinearRegression) {
  return {
    predict: (X: number[][]) => model.predict(X).map((row) => row[0]!),
    toJSON: () => model.toJSON(),
  };
}

export const linearRegressionKind: EstimatorKind<LinearRegressionParams> = {
  algorithm: 'linear-regression',
  library: 'ml-regression-multivariate-linear',
  tasks: ['regression'],
  preprocessing: { scale: 'none' },
  fit: (X, y, params) =>
    wrap(new MultivariateLinearRegression(X, y.map((v) => [v]), { intercept: params.intercept, statistics: false })),
  load: (json) => wrap(MultivariateLinearRegression.load(json as MultivariateLinearRegression.MLRModel)),
};
