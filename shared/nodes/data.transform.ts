// `data.transform`: select/drop/rename columns, scale numbers, one-hot encode categories.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataTransform = defineNodeType({
  id: 'data.transform',
  version: 1,
  category: 'data',
  title: 'Transform',
  description:
    'Selects, drops and renames columns, standardises or min-max scales numbers and one-hot encodes categories, in that ' +
    'order. Train nodes already scale and encode inside the model (so it predicts on raw rows); use this for reshaping data.',
  icon: 'wand',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Transformed dataset' }],
  runtime: 'builtin',
  builtOn: '`simple-statistics` (mean, standard deviation, min, max)',
  params: () => z.object({
    select: z.string().default('').describe('Comma-separated columns to keep, in this order. Empty: all.'),
    drop: z.string().default('').describe('Comma-separated columns to remove.'),
    rename: z
      .record(z.string(), z.string().min(1))
      .default({})
      .describe('Columns to rename (old name → new name).')
      .meta({ ui: { kind: 'keyValue' } }),
    scale: z
      .enum(['none', 'standard', 'minmax'])
      .default('none')
      .describe('standard: (x − mean) / standard deviation; minmax: to [0, 1]; none: as is.'),
    scaleColumns: z.string().default('').describe('Comma-separated columns to scale. Empty: every number column not in exclude.'),
    oneHot: z
      .string()
      .default('')
      .describe('Comma-separated category columns to one-hot encode (one 0/1 column per value); "*" = every category column not in exclude.'),
    exclude: z.string().default('').describe('Comma-separated columns never scaled or encoded (e.g. the label).'),
  }),
  example: { params: { scale: 'standard', exclude: 'label' } },
});
