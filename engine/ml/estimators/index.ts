// Every built-in algorithm by name: what train nodes fit and what a loaded model.json reloads.
import { decisionTreeKind } from './decision-tree.estimator';
import type { Algorithm, EstimatorKind } from './estimator';
import { knnKind } from './knn.estimator';
import { linearRegressionKind } from './linear-regression.estimator';
import { logisticRegressionKind } from './logistic-regression.estimator';
import { naiveBayesKind } from './naive-bayes.estimator';
import { randomForestKind } from './random-forest.estimator';

export const estimatorKinds: Readonly<Record<Algorithm, EstimatorKind<never>>> = {
  'logistic-regression': logisticRegressionKind,
  'linear-regression': linearRegressionKind,
  'decision-tree': decisionTreeKind,
  'random-forest': randomForestKind,
  knn: knnKind,
  'naive-bayes': naiveBayesKind,
};
