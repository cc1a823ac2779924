// `monitor.drift`: compares a current dataset with a reference (PSI, KS test, chi-square) — the model-decay check.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const monitorDrift = defineNodeType({
  id: 'monitor.drift',
  version: 1,
  category: 'evaluate',
  title: 'Drift monitor',
  description:
    'Compares each column of the current dataset with the reference: population stability index (PSI) for every column, a ' +
    'two-sample Kolmogorov–Smirnov test for numbers, a chi-square test for categories. A column drifts when its PSI exceeds ' +
    'psiThreshold or its test’s p-value is below pValue; the node fails (or warns) when the share of drifted columns ' +
    'reaches driftShare. Writes a JSON report.',
  icon: 'activity',
  inputs: [
    { id: 'reference', type: 'dataset', label: 'Reference' },
    { id: 'current', type: 'dataset', label: 'Current' },
  ],
  outputs: [{ id: 'report', type: 'report', label: 'Drift report' }],
  runtime: 'builtin',
  builtOn: '`simple-statistics` (quantile bins); KS test, chi-square test and PSI in Pipewright, tested against scipy',
  params: () => z.object({
    columns: z.string().default('').describe('Comma-separated columns to compare. Empty: every column both datasets have.'),
    exclude: z.string().default('').describe('Comma-separated columns to leave out (e.g. an id or the label).'),
    psiThreshold: z.number().min(0).default(0.2).describe('PSI above which a column has drifted (0.1 moderate, 0.2 significant).'),
    pValue: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the KS and chi-square tests.'),
    bins: z.number().int().min(2).max(100).default(10).describe('Quantile bins of the reference used for PSI on number columns.'),
    driftShare: z.number().gt(0).max(1).default(0.5).describe('Share of drifted columns at which the dataset counts as drifted.'),
    onDrift: z.enum(['fail', 'warn']).default('fail').describe('fail: the node fails when the dataset drifted; warn: log it and succeed.'),
  }),
  example: { params: { onDrift: 'warn' } },
});
