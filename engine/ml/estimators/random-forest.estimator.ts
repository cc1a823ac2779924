// Random forests (bagged CART trees on random feature subsets) backed by ml-random-forest.
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';
import { cartOptions, type TreeParams } from './decision-tree.estimator';
import { voteShares, type EstimatorKind } from './estimator';
import { installFastSplitSearch } from './fast-split-search';

export interface RandomForestParams extends TreeParams {
  nEstimators: number;
  /** Share of the features each tree sees (0 < f ≤ 1). */
  maxFeatures: number;
  seed: number;
}

/**
 * ml-random-forest reads an integer `maxFeatures` as a count and a fraction as a share — so 1.0 would mean "one
 * feature". Pass the count explicitly.
 */
function forestOptions(params: RandomForestParams, featureCount: number, kind: 'gini' | 'regression') {
  return {
    nEstimators: params.nEstimators,
    maxFeatures: Math.max(1, Math.floor(params.maxFeatures * featureCount)),
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    seed: params.seed,
    treeOptions: cartOptions(params, kind),
  };
}

function wrapClassifier(model: RandomForestClassifier, classCount: number) {
  return {
    predict: (X: number[][]) => model.predict(X),
    /** Share of trees voting for each class (the library's own predictProbability miscounts the first vote). */
    predictProba: (X: number[][]) => model.predictionValues(X).to2DArray().map((votes) => voteShares(votes, classCount)),
    toJSON: () => model.toJSON(),
  };
}

function wrapRegressor(model: RandomForestRegression) {
  return { predict: (X: number[][]) => model.predict(X), toJSON: () => model.toJSON() };
}

export const randomForestKind: EstimatorKind<RandomForestParams> = {
  algorithm: 'random-forest',
  library: 'ml-random-forest',
  tasks: ['classification', 'regression'],
  preprocessing: { scale: 'none' },
  fit(X, y, params, info) {
    installFastSplitSearch();
    const featureCount = X[0]?.length ?? 1;
    if (info.task === 'regression') {
      const model = new RandomForestRegression(forestOptions(params, featureCount, 'regression'));
      model.train(X, y);
      return wrapRegressor(model);
    }
    const model = new RandomForestClassifier(forestOptions(params, featureCount, 'gini'));
    model.train(X, y);
    return wrapClassifier(model, info.classCount);
  },
  load: (json, info) =>
    info.task === 'regression'
      ? wrapRegressor(RandomForestRegression.load(json as never))
      : wrapClassifier(RandomForestClassifier.load(json as never), info.classCount),
};
