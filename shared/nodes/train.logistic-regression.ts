// `train.logistic-regression`: one-vs-rest logistic regression (ml-logistic-regression).
import { z } from 'zod';
import { defineTrainNodeType } from './train-node-type';

export const trainLogisticRegression = defineTrainNodeType({
  id: 'train.logistic-regression',
  title: 'Logistic regression',
  description:
    'Classifier: one logistic model per class (one-vs-rest) fitted by gradient descent on standardised features with an intercept.',
  builtOn: '`ml-logistic-regression` (gradient descent, one-vs-rest) on `ml-matrix`',
  hyperparameters: () => ({
    numSteps: z.number().int().min(1).max(1_000_000).default(3000).describe('Gradient-descent iterations per class.'),
    learningRate: z.number().positive().max(1).default(0.005).describe('Step size of gradient descent.'),
  }),
  example: { target: 'label' },
});
