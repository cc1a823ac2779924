// Logistic regression (one-vs-rest, gradient descent) backed by ml-logistic-regression, with an intercept column added.
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import type { EstimatorKind } from './estimator';

export interface LogisticRegressionParams {
  numSteps: number;
  learningRate: number;
}

/** The library fits no intercept; a constant column gives it one (and standardised inputs keep descent stable). */
const withIntercept = (X: number[][]) => new Matrix(X.map((row) => [...row, 1]));

function wrap(model: LogisticRegression) {
  return {
    predict: (X: number[][]) => model.predict(withIntercept(X)),
    /**
     * The library's one-vs-rest models score "not class k" (it labels class k as 0); 1 − score is class k's
     * probability, normalised over classes as scikit-learn's one-vs-rest does.
     */
    predictProba(X: number[][]) {
      const scores = model.classifiers.map((c) => c.testScores(withIntercept(X)));
      return X.map((_, row) => {
        const raw = scores.map((s) => 1 - s[row]!);
        const total = raw.reduce((a, b) => a + b, 0) || 1;
        return raw.map((p) => p / total);
      });
    },
    toJSON: () => model.toJSON(),
  };
}

export const logisticRegressionKind: EstimatorKind<LogisticRegressionParams> = {
  algorithm: 'logistic-regression',
  library: 'ml-logistic-regression',
  tasks: ['classification'],
  preprocessing: { scale: 'standard' },
  fit(X, y, params) {
    const model = new LogisticRegression({ numSteps: params.numSteps, learningRate: params.learningRate });
    model.train(withIntercept(X), Matrix.columnVector(y));
    return wrap(model);
  },
  load: (json) => wrap(LogisticRegression.load(json)),
};
