// `train.decision-tree`: CART decision tree for classes or values (ml-cart).
import { maxDepthParam, minSamplesSplitParam, seedParam, taskParam } from './ml-params';
import { defineTrainNodeType } from './train-node-type';

export const trainDecisionTree = defineTrainNodeType({
  id: 'train.decision-tree',
  title: 'Decision tree',
  description: 'Classifier or regressor: a CART tree split by Gini impurity (classes) or squared error (values).',
  builtOn:
    '`ml-cart` (its split search replaced by an equivalent sorted sweep, O(n log n) instead of O(n²), that visits the features in a seeded random order as scikit-learn does, so `seed` breaks ties between equally good splits)',
  // 2: ties between equally good features are broken by `seed` (they went to the first feature before).
  version: 2,
  hyperparameters: () => ({
    task: taskParam,
    maxDepth: maxDepthParam,
    minSamplesSplit: minSamplesSplitParam,
    seed: seedParam,
  }),
  example: { target: 'label', maxDepth: 3 },
});
