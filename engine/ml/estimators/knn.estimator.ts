// k-nearest neighbours (k-d tree, Euclidean distance) backed by ml-knn.
import KNN from 'ml-knn';
import { voteShares, type EstimatorKind } from './estimator';

export interface KnnParams {
  k: number;
}

function wrap(model: KNN, classCount: number) {
  return {
    predict: (X: number[][]) => model.predict(X),
    /** Share of the k neighbours in each class (scikit-learn's uniform-weight predict_proba); the label is stored last. */
    predictProba: (X: number[][]) =>
      X.map((row) => voteShares(model.kdTree.nearest(row, model.k).map(([point]) => point.at(-1)!), classCount)),
    toJSON: () => model.toJSON(),
  };
}

export const knnKind: EstimatorKind<KnnParams> = {
  algorithm: 'knn',
  library: 'ml-knn',
  tasks: ['classification'],
  preprocessing: { scale: 'standard' },
  fit: (X, y, params, info) => wrap(new KNN(X, y, { k: Math.min(params.k, X.length) }), info.classCount),
  load: (json, info) => wrap(KNN.load(json), info.classCount),
};
