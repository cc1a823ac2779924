// `train.random-forest`: see shared/nodes/train.random-forest.ts; the fitting is in engine/ml/estimators/random-forest.estimator.ts.
import { trainNode } from './train-node';

export const trainRandomForestNode = trainNode('random-forest');
