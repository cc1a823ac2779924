// `train.knn`: see shared/nodes/train.knn.ts; the fitting is in engine/ml/estimators/knn.estimator.ts.
import { trainNode } from './train-node';

export const trainKnnNode = trainNode('knn');
