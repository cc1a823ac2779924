// `data.profile`: per-column statistics and histograms as a report.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataProfile = defineNodeType({
  id: 'data.profile',
  version: 1,
  category: 'data',
  title: 'Profile',
  description:
    'Writes a JSON report with, per column: type, count, missing, distinct values, mean, standard deviation, min, ' +
    'quartiles, max and a histogram for numbers; the most frequent values for categories.',
  icon: 'chart-bar',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  outputs: [{ id: 'report', type: 'report', label: 'Profile' }],
  runtime: 'builtin',
  builtOn: '`simple-statistics` (mean, standard deviation, quantiles)',
  params: () => z.object({
    bins: z.number().int().min(2).max(200).default(10).describe('Histogram bins for number columns.'),
    topValues: z.number().int().min(1).max(100).default(10).describe('Most frequent values listed for category columns.'),
  }),
  example: { params: { bins: 5 } },
});
