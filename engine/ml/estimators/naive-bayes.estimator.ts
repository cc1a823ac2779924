// Gaussian naive Bayes: ml-naivebayes fits the per-class means, deviations and priors; scoring runs in log space here.
import { GaussianNB } from 'ml-naivebayes';
import { variance } from 'simple-statistics';
import { argmax, type EstimatorKind } from './estimator';

export interface NaiveBayesParams {
  /** Share of the largest feature variance added to every variance (scikit-learn's var_smoothing). */
  varSmoothing: number;
}

/** What scoring needs; stored in model.json. */
interface GaussianParameters {
  means: number[][];
  variances: number[][];
  logPriors: number[];
}

/**
 * Reads the library's fitted parameters. Its own `predict` multiplies densities outside log space and underflows to
 * "class −1" on data with many features (breast-cancer), and it has no variance smoothing, so a constant feature
 * divides by zero. Variances are turned into population variances (the library uses n − 1) to match scikit-learn.
 */
function parametersOf(model: GaussianNB, X: number[][], y: number[], varSmoothing: number): GaussianParameters {
  const counts = model.means.map((_, c) => y.filter((label) => label === c).length);
  const featureCount = X[0]?.length ?? 0;
  const largest = Math.max(0, ...Array.from({ length: featureCount }, (_, j) => (X.length > 1 ? variance(X.map((row) => row[j]!)) : 0)));
  const epsilon = Math.max(varSmoothing * largest, 1e-12);
  return {
    means: model.means,
    variances: model.calculateProbabilities.map((perClass, c) =>
      perClass.slice(1).map((pair) => {
        const sample = -(pair as [number, number])[1] / 2;
        const n = counts[c]!;
        return (Number.isFinite(sample) ? (sample * (n - 1)) / Math.max(n, 1) : 0) + epsilon;
      }),
    ),
    logPriors: model.calculateProbabilities.map((perClass) => perClass[0]),
  };
}

function jointLogLikelihood(p: GaussianParameters, row: number[]): number[] {
  return p.logPriors.map((prior, c) =>
    row.reduce((sum, x, j) => {
      const v = p.variances[c]![j]!;
      const d = x - p.means[c]![j]!;
      return sum - 0.5 * Math.log(2 * Math.PI * v) - (d * d) / (2 * v);
    }, prior),
  );
}

function softmax(logs: number[]): number[] {
  const top = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

function wrap(p: GaussianParameters) {
  return {
    predict: (X: number[][]) => X.map((row) => argmax(jointLogLikelihood(p, row))),
    predictProba: (X: number[][]) => X.map((row) => softmax(jointLogLikelihood(p, row))),
    toJSON: () => p,
  };
}

export const naiveBayesKind: EstimatorKind<NaiveBayesParams> = {
  algorithm: 'naive-bayes',
  library: 'ml-naivebayes',
  tasks: ['classification'],
  preprocessing: { scale: 'none' },
  fit(X, y, params) {
    const model = new GaussianNB();
    model.train(X, y);
    return wrap(parametersOf(model, X, y, params.varSmoothing));
  },
  load: (json) => wrap(json as GaussianParameters),
};
