// `evaluate.regression`: scores a regressor on a dataset with known values.
import { z } from 'zod';
import { evaluatePorts, targetParam } from './ml-params';
import { defineNodeType } from './node-type';

export const evaluateRegression = defineNodeType({
  id: 'evaluate.regression',
  version: 1,
  category: 'evaluate',
  title: 'Evaluate regressor',
  description:
    'Predicts the dataset with the model and reports RMSE, MAE and R² as run metrics, plus a residual summary (histogram, ' +
    'actual vs predicted points) in the metrics artifact; predictions holds the rows with the prediction and residual.',
  icon: 'target',
  ...evaluatePorts,
  runtime: 'builtin',
  builtOn: 'Pipewright’s metric code (scikit-learn’s definitions, tested against scikit-learn) and `simple-statistics`',
  params: () => z.object({
    target: targetParam('the model’s target column'),
    scatterPoints: z.number().int().min(0).max(100_000).default(500).describe('Actual/predicted pairs kept in the metrics artifact.'),
  }),
  example: { params: {} },
});
