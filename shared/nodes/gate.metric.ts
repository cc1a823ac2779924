// `gate.metric`: fails the run when a metric crosses a threshold or falls behind the production model.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const gateMetric = defineNodeType({
  id: 'gate.metric',
  version: 1,
  category: 'evaluate',
  title: 'Quality gate',
  description:
    'Fails the node — and so the run, and the exported CI job — when a metric crosses the threshold; optionally also when ' +
    'it is worse than the registered model’s production version. The metrics pass through, so downstream nodes ' +
    '(register, serve) run only when the gate passes.',
  icon: 'gate',
  inputs: [{ id: 'metrics', type: 'metrics', label: 'Metrics' }],
  outputs: [{ id: 'metrics', type: 'metrics', label: 'Metrics (passed)' }],
  runtime: 'builtin',
  builtOn: 'the model registry (SQLite through `better-sqlite3`) for the production comparison',
  params: () => z.object({
    metric: z.string().min(1).default('accuracy').describe('Metric name in the metrics artifact (a dotted path reaches nested values, e.g. perClass.yes.recall).'),
    threshold: z.number().default(0.8).describe('The limit the metric is compared with.'),
    direction: z
      .enum(['min', 'max'])
      .default('min')
      .describe('min: the metric must be at least the threshold (accuracy); max: at most the threshold (rmse).'),
    compareToProduction: z
      .boolean()
      .default(false)
      .describe(
        'Also fail when the metric is worse than the same metric of the model’s production version (if there is one). ' +
          'The registry is not part of the cache key: turn this node’s cache setting off to compare on every run.',
      ),
    model: z.string().default('').describe('Registered model name to compare with. Empty: the pipeline’s name.'),
    alias: z.string().min(1).default('production').describe('Alias of the version to compare with.'),
    tolerance: z.number().min(0).default(0).describe('How much worse than the production version is still accepted.'),
  }),
  example: { params: { metric: 'accuracy', threshold: 0.5, direction: 'min' } },
});
