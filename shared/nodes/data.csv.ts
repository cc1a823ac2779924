// `data.csv`: loads a local CSV/TSV file as a dataset, with type inference and column selection.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataCsv = defineNodeType({
  id: 'data.csv',
  version: 1,
  category: 'data',
  title: 'CSV file',
  description:
    'Reads a local CSV or TSV file, infers each column’s type (number or category), optionally keeps only some columns ' +
    'and checks declared column types, and writes the dataset as comma-separated CSV with a header row.',
  icon: 'table',
  inputs: [],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  runtime: 'builtin',
  builtOn: '`csv-parse` (reading, quoting, error positions) and `csv-stringify` (writing)',
  params: () => z.object({
    path: z
      .string()
      .min(1, 'choose a CSV file')
      .default('data.csv')
      .describe('The file to read. A relative path resolves against the pipeline file’s folder.')
      .meta({ ui: { kind: 'file', extensions: ['csv', 'tsv', 'txt'] } }),
    delimiter: z
      .enum(['auto', ',', ';', '\t', '|'])
      .default('auto')
      .describe('Field separator. auto: tab for .tsv files, else the most frequent of , ; tab | in the first line.'),
    header: z.boolean().default(true).describe('The first row holds the column names. Off: columns are named col1, col2, …'),
    columns: z.string().default('').describe('Comma-separated columns to keep, in this order. Empty: all columns.'),
    types: z
      .record(z.string(), z.enum(['number', 'category']))
      .default({})
      .describe('Declared column types (column → number or category). A value that does not fit fails the node, naming its row.')
      .meta({ ui: { kind: 'keyValue' } }),
  }),
  example: { params: { path: 'data.csv' } },
});
