// `evaluate.classification`: scores a classifier on a labelled dataset.
import { z } from 'zod';
import { evaluatePorts, targetParam } from './ml-params';
import { defineNodeType } from './node-type';

export const evaluateClassification = defineNodeType({
  id: 'evaluate.classification',
  version: 1,
  category: 'evaluate',
  title: 'Evaluate classifier',
  description:
    'Predicts the dataset with the model and reports accuracy, precision/recall/F1 per class and macro, ROC-AUC (binary, or ' +
    'macro one-vs-rest), log loss, the confusion matrix and ROC curve points. Scalar metrics become run metrics; ' +
    'predictions holds the rows with the predicted class and class probabilities.',
  icon: 'target',
  ...evaluatePorts,
  runtime: 'builtin',
  builtOn: 'Pipewright’s metric code, written to scikit-learn’s definitions and tested against scikit-learn’s values',
  params: () => z.object({
    target: targetParam('the model’s target column'),
    positiveClass: z
      .string()
      .default('')
      .describe('Binary problems: the positive class for ROC-AUC. Empty: the second class in sorted order (scikit-learn’s pos_label=1).'),
    rocPoints: z.number().int().min(2).max(10_000).default(101).describe('Most points kept per ROC curve.'),
  }),
  example: { params: {} },
});
