// `data.label`: adds a label column, joined from a labels file on a key or derived with a simple rule.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataLabel = defineNodeType({
  id: 'data.label',
  version: 1,
  category: 'data',
  title: 'Label',
  description:
    'Adds a label column: join mode takes it from the labels dataset by a key column; rule mode derives it from one ' +
    'column compared with a value (e.g. churned = days_inactive > 30).',
  icon: 'tag',
  inputs: [
    { id: 'dataset', type: 'dataset', label: 'Dataset' },
    { id: 'labels', type: 'dataset', label: 'Labels (join mode)', optional: true },
  ],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Labelled dataset' }],
  runtime: 'builtin',
  builtOn: 'Pipewright only (a join and a comparison)',
  params: () => z.object({
    mode: z.enum(['join', 'rule']).default('rule').describe('join: take labels from the labels input; rule: derive them.'),
    labelColumn: z.string().min(1).default('label').describe('Name of the label column to add (join mode: also its name in the labels file).'),
    key: z.string().default('id').describe('Join mode: the key column present in both datasets.').meta({ ui: { kind: 'column' } }),
    unmatched: z
      .enum(['drop', 'fail', 'empty'])
      .default('drop')
      .describe('Join mode: rows without a label are dropped, fail the node, or get an empty label.'),
    column: z.string().default('').describe('Rule mode: the column the rule reads.').meta({ ui: { kind: 'column' } }),
    operator: z
      .enum(['>', '>=', '<', '<=', '==', '!=', 'contains'])
      .default('>')
      .describe('Rule mode: how the column is compared with value (numbers compare numerically).'),
    value: z.string().default('0').describe('Rule mode: the value to compare with.'),
    whenTrue: z.string().default('1').describe('Rule mode: label of rows where the rule holds.'),
    whenFalse: z.string().default('0').describe('Rule mode: label of the other rows.'),
  }),
  example: { params: { mode: 'rule', column: 'score', operator: '>', value: '0.5', labelColumn: 'high' } },
});
