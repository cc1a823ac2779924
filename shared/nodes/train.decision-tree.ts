// `train.decision-tree`: CART decision tree for classes or values (ml-cart).
import { maxDepthParam, minSamplesSplitParam, taskParam } from './ml-params';
import { defineTrainNodeType } from './train-node-type';

export const trainDecisionTree = defineTrainNodeType({
  id: 'train.decision-tree',
  title: 'Decision tree',
  description: 'Classifier or regressor: a CART tree split by Gini impurity (classes) or squared error (values).',
  builtOn: '`ml-cart` (its split search replaced by an equivalent sorted sweep: same trees, O(n log n) instead of O(n²))',
  hyperparameters: {
    task: taskParam,
    maxDepth: maxDepthParam,
    minSamplesSplit: minSamplesSplitParam,
  },
  example: { target: 'label', maxDepth: 3 },
});
