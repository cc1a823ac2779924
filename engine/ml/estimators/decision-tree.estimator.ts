// CART decision trees (Gini for classes, squared error for values) backed by ml-cart.
import { DecisionTreeClassifier, DecisionTreeRegression } from 'ml-cart';
import type { Matrix } from 'ml-matrix';
import type { EstimatorKind } from './estimator';
import { installFastSplitSearch, trainWithSeededTies } from './fast-split-search';

export interface TreeParams {
  /** 0 = no limit. */
  maxDepth: number;
  /** A node with fewer rows than this becomes a leaf (scikit-learn's min_samples_split). */
  minSamplesSplit: number;
}

export interface DecisionTreeParams extends TreeParams {
  /** Breaks ties between equally good splits on different features (scikit-learn's random_state). */
  seed: number;
}

/**
 * ml-cart options matching scikit-learn's meaning: ml-cart makes a leaf at `rows <= minNumSamples`, and its default
 * gain threshold (0.01) would stop splits scikit-learn makes, so it is 0 here.
 */
export function cartOptions(params: TreeParams, kind: 'gini' | 'regression') {
  return {
    gainFunction: kind,
    maxDepth: params.maxDepth === 0 ? Infinity : params.maxDepth,
    minNumSamples: params.minSamplesSplit - 1,
    gainThreshold: 0,
  };
}

/** A leaf's class distribution padded to every class (ml-cart sizes it by the largest class index in the leaf). */
export function leafDistribution(distribution: Matrix | number, classCount: number): number[] {
  const shares = new Array<number>(classCount).fill(0);
  const row = typeof distribution === 'number' ? [] : distribution.getRow(0);
  row.forEach((share, i) => (shares[i] = share));
  return shares;
}

function wrapClassifier(model: DecisionTreeClassifier, classCount: number) {
  return {
    predict: (X: number[][]) => model.predict(X),
    predictProba: (X: number[][]) => X.map((row) => leafDistribution(model.root.classify(row), classCount)),
    toJSON: () => model.toJSON(),
  };
}

function wrapRegressor(model: DecisionTreeRegression) {
  return { predict: (X: number[][]) => model.predict(X), toJSON: () => model.toJSON() };
}

export const decisionTreeKind: EstimatorKind<DecisionTreeParams> = {
  algorithm: 'decision-tree',
  library: 'ml-cart',
  tasks: ['classification', 'regression'],
  preprocessing: { scale: 'none' },
  fit(X, y, params, info) {
    installFastSplitSearch();
    if (info.task === 'regression') {
      const model = new DecisionTreeRegression(cartOptions(params, 'regression'));
      trainWithSeededTies(params.seed, () => model.train(X, y));
      return wrapRegressor(model);
    }
    const model = new DecisionTreeClassifier(cartOptions(params, 'gini'));
    trainWithSeededTies(params.seed, () => model.train(X, y));
    return wrapClassifier(model, info.classCount);
  },
  load: (json, info) =>
    info.task === 'regression' ? wrapRegressor(DecisionTreeRegression.load(json)) : wrapClassifier(DecisionTreeClassifier.load(json), info.classCount),
};
