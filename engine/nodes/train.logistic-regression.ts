// `train.logistic-regression`: see shared/nodes/train.logistic-regression.ts; the fitting is in engine/ml/estimators/logistic-regression.estimator.ts.
import { trainNode } from './train-node';

export const trainLogisticRegressionNode = trainNode('logistic-regression');
