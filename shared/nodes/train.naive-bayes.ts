// `train.naive-bayes`: Gaussian naive Bayes classifier (ml-naivebayes).
import { z } from 'zod';
import { defineTrainNodeType } from './train-node-type';

export const trainNaiveBayes = defineTrainNodeType({
  id: 'train.naive-bayes',
  title: 'Naive Bayes',
  description: 'Classifier: Gaussian naive Bayes — per-class normal distributions of each feature, assumed independent.',
  builtOn: '`ml-naivebayes` fits the per-class means, variances and priors; Pipewright scores in log space (the library’s own predict underflows on many features)',
  hyperparameters: () => ({
    varSmoothing: z
      .number()
      .min(0)
      .max(1)
      .default(1e-9)
      .describe('Share of the largest feature variance added to every variance, for stability (scikit-learn’s var_smoothing).'),
  }),
  example: { target: 'label' },
});
