// `train.random-forest`: random forest for classes or values (ml-random-forest).
import { z } from 'zod';
import { maxDepthParam, minSamplesSplitParam, seedParam, taskParam } from './ml-params';
import { defineTrainNodeType } from './train-node-type';

export const trainRandomForest = defineTrainNodeType({
  id: 'train.random-forest',
  title: 'Random forest',
  description:
    'Classifier or regressor: nEstimators CART trees, each on a bootstrap sample of the rows and a random share of the ' +
    'features; classes by majority vote, values by the mean.',
  builtOn: '`ml-random-forest` (its trees are `ml-cart`’s, with the same faster split search as train.decision-tree)',
  hyperparameters: () => ({
    task: taskParam,
    nEstimators: z.number().int().min(1).max(2000).default(100).describe('Number of trees.'),
    maxDepth: maxDepthParam,
    minSamplesSplit: minSamplesSplitParam,
    maxFeatures: z.number().gt(0).max(1).default(0.7).describe('Share of the features each tree is grown on.'),
    seed: seedParam,
  }),
  example: { target: 'label', nEstimators: 10, maxDepth: 4 },
});
