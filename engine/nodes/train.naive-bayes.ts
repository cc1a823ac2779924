// `train.naive-bayes`: see shared/nodes/train.naive-bayes.ts; the fitting is in engine/ml/estimators/naive-bayes.estimator.ts.
import { trainNode } from './train-node';

export const trainNaiveBayesNode = trainNode('naive-bayes');
