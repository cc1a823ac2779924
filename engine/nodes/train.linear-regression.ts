// `train.linear-regression`: see shared/nodes/train.linear-regression.ts; the fitting is in engine/ml/estimators/linear-regression.estimator.ts.
import { trainNode } from './train-node';

export const trainLinearRegressionNode = trainNode('linear-regression');
