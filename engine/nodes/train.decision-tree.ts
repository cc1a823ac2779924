// `train.decision-tree`: see shared/nodes/train.decision-tree.ts; the fitting is in engine/ml/estimators/decision-tree.estimator.ts.
import { trainNode } from './train-node';

export const trainDecisionTreeNode = trainNode('decision-tree');
