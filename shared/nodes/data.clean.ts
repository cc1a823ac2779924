// `data.clean`: drops or imputes missing values and drops duplicate rows.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataClean = defineNodeType({
  id: 'data.clean',
  version: 1,
  category: 'data',
  title: 'Clean data',
  description:
    'Handles missing values (empty, NA, NaN, null, None, ?) by dropping the rows or imputing them, and drops duplicate rows.',
  icon: 'sparkles',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Clean dataset' }],
  runtime: 'builtin',
  builtOn: '`simple-statistics` (mean, median, mode)',
  params: () => z.object({
    missing: z
      .enum(['drop-rows', 'impute', 'keep'])
      .default('drop-rows')
      .describe('drop-rows: remove rows with a missing value; impute: fill them in; keep: leave them.'),
    numericStrategy: z.enum(['mean', 'median', 'zero']).default('median').describe('How missing numbers are imputed.'),
    categoryStrategy: z
      .enum(['mode', 'constant'])
      .default('mode')
      .describe('How missing categories are imputed: the most frequent value, or fillValue.'),
    fillValue: z.string().default('missing').describe('The value categoryStrategy "constant" fills in.'),
    columns: z.string().default('').describe('Comma-separated columns to look at for missing values. Empty: all.'),
    dropDuplicates: z.boolean().default(true).describe('Remove rows identical to an earlier row.'),
  }),
  example: { params: { missing: 'impute' } },
});
