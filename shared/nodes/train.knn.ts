// `train.knn`: k-nearest-neighbours classifier (ml-knn).
import { z } from 'zod';
import { defineTrainNodeType } from './train-node-type';

export const trainKnn = defineTrainNodeType({
  id: 'train.knn',
  title: 'k-nearest neighbours',
  description: 'Classifier: the majority class of the k closest training rows (Euclidean distance on standardised features).',
  builtOn: '`ml-knn` (k-d tree search)',
  hyperparameters: () => ({
    k: z.number().int().min(1).max(1000).default(5).describe('Number of neighbours that vote.'),
  }),
  example: { target: 'label', k: 3 },
});
