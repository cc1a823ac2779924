// `data.validate`: checks a dataset against a declared schema, or one inferred from a reference dataset.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const dataValidate = defineNodeType({
  id: 'data.validate',
  version: 1,
  category: 'data',
  title: 'Validate data',
  description:
    'Checks column types, missing-value ratios, min/max, allowed categories and the row count — from a declared JSON ' +
    'schema, or inferred from the optional reference dataset — writes a JSON report and fails on a violation. The ' +
    'dataset passes through unchanged.',
  icon: 'shield-check',
  inputs: [
    { id: 'dataset', type: 'dataset', label: 'Dataset' },
    { id: 'reference', type: 'dataset', label: 'Reference (infers the schema)', optional: true },
  ],
  outputs: [
    { id: 'dataset', type: 'dataset', label: 'Validated dataset' },
    { id: 'report', type: 'report', label: 'Validation report' },
  ],
  runtime: 'builtin',
  builtOn: '`zod` (the schema param) and `simple-statistics` (ranges)',
  params: () => z.object({
    schema: z
      .string()
      .default('')
      .describe(
        'Declared schema as JSON: {"minRows": 10, "columns": {"age": {"type": "number", "min": 0, "max": 120, ' +
          '"maxMissingRatio": 0}, "color": {"type": "category", "allowed": ["red", "blue"]}}}. Empty: inferred.',
      )
      .meta({ ui: { kind: 'code', language: 'json' } }),
    minRows: z.number().int().min(0).default(1).describe('Fewest rows accepted (a schema’s minRows overrides it).'),
    maxMissingRatio: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('Largest share of missing values allowed in any column without its own maxMissingRatio.'),
    onViolation: z.enum(['fail', 'warn']).default('fail').describe('fail: the node (and the run) fails; warn: log and continue.'),
  }),
  example: { params: { minRows: 5 } },
});
