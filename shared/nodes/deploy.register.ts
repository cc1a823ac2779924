// `deploy.register`: adds the model as a new version in the local model registry, with lineage.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const deployRegister = defineNodeType({
  id: 'deploy.register',
  version: 1,
  category: 'deploy',
  title: 'Register model',
  description:
    'Copies the model into the local model registry as the next version of a named model, with its lineage: run, pipeline ' +
    'and revision, training/evaluation data hashes, params and metrics. Optionally points an alias (staging, production) ' +
    'at the new version. Outputs the registered copy.',
  icon: 'archive',
  inputs: [
    { id: 'model', type: 'model', label: 'Model' },
    { id: 'metrics', type: 'metrics', label: 'Metrics', optional: true },
  ],
  outputs: [{ id: 'model', type: 'model', label: 'Registered model' }],
  runtime: 'builtin',
  builtOn: 'the model registry in `pipewright.db` (SQLite through `better-sqlite3`)',
  sideEffects: true,
  params: () => z.object({
    name: z
      .string()
      .max(100)
      .regex(/^[^/\\\0]*$/, 'must not contain "/", "\\" or NUL')
      .default('')
      .describe('Registered model name. Empty: the pipeline’s name (or "<algorithm>-<target>" outside a run).'),
    alias: z
      .string()
      .regex(/^([A-Za-z][A-Za-z0-9_-]*)?$/, 'letters, digits, "_" and "-", starting with a letter')
      .default('')
      .describe('Alias to point at the new version (e.g. staging, production). Empty: none.'),
    description: z.string().default('').describe('Note stored with the version.'),
  }),
  example: { params: { name: 'example-model', alias: 'staging' } },
});
