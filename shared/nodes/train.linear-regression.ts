// `train.linear-regression`: ordinary least squares (ml-regression-multivariate-linear).
import { z } from 'zod';
import { defineTrainNodeType } from './train-node-type';

export const trainLinearRegression = defineTrainNodeType({
  id: 'train.linear-regression',
  title: 'Linear regression',
  description: 'Regressor: ordinary least squares, solved in closed form.',
  builtOn: '`ml-regression-multivariate-linear` (least squares through `ml-matrix`’s SVD)',
  hyperparameters: () => ({
    intercept: z.boolean().default(true).describe('Fit an intercept (bias) term.'),
  }),
  example: { target: 'y' },
});
