// `data.split`: seeded train/test(/validation) split, optionally stratified.
import { z } from 'zod';
import { seedParam } from './ml-params';
import { defineNodeType } from './node-type';

export const dataSplit = defineNodeType({
  id: 'data.split',
  version: 1,
  category: 'data',
  title: 'Split',
  description:
    'Shuffles the rows with a seed and splits them into train and test sets (and a validation set when validationSize > 0), ' +
    'optionally stratified so each part keeps the class proportions of a column.',
  icon: 'split',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  outputs: [
    { id: 'train', type: 'dataset', label: 'Train' },
    { id: 'test', type: 'dataset', label: 'Test' },
    { id: 'validation', type: 'dataset', label: 'Validation' },
  ],
  runtime: 'builtin',
  builtOn: '`random-js` (seeded Mersenne Twister shuffle); stratification by largest remainder in Pipewright',
  params: () => z.object({
    testSize: z.number().gt(0).lt(1).default(0.2).describe('Share of rows in the test set.'),
    validationSize: z
      .number()
      .min(0)
      .lt(1)
      .default(0)
      .describe('Share of rows in the validation set. 0: the validation output holds only the header.'),
    seed: seedParam,
    stratify: z
      .string()
      .default('')
      .describe('Column whose class proportions every part keeps (usually the label). Empty: a plain random split.')
      .meta({ ui: { kind: 'column' } }),
    shuffle: z.boolean().default(true).describe('Shuffle before splitting. Off: the first rows train, the last rows test (time order).'),
  }),
  example: { params: { testSize: 0.25, seed: 7 } },
});
