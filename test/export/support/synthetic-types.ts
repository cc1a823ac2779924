// Built-in node types made up for the export tests (ports, params, settings, side effects, file params, declined
// targets), so every exporter path is covered whatever the real catalog holds.
import { z } from 'zod';
import { getNodeType, type NodeTypeLookup } from '../../../shared/nodes/index';
import { defineNodeType, type NodeTypeDefinition } from '../../../shared/nodes/node-type';

const load = defineNodeType({
  id: 'test.load',
  version: 1,
  category: 'data',
  title: 'Load CSV (test)',
  description: 'Reads a CSV file into a dataset: a synthetic built-in for export tests.',
  icon: 'terminal',
  inputs: [],
  outputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  runtime: 'builtin',
  params: () => z.object({
    path: z.string().default('data.csv').describe('CSV file').meta({ ui: { kind: 'file', extensions: ['csv'] } }),
    delimiter: z.string().default(',').describe('Field separator'),
  }),
  example: { params: { path: 'data.csv' } },
});

const split = defineNodeType({
  id: 'test.split',
  version: 1,
  category: 'data',
  title: 'Split (test)',
  description: 'Splits a dataset into train and test sets: a synthetic built-in for export tests.',
  icon: 'terminal',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Dataset' }],
  outputs: [
    { id: 'train', type: 'dataset', label: 'Train' },
    { id: 'test', type: 'dataset', label: 'Test' },
  ],
  runtime: 'builtin',
  params: () => z.object({ testSize: z.number().min(0).max(1).default(0.2).describe('Test share'), seed: z.number().int().default(1).describe('Seed') }),
  example: { params: {} },
});

const train = defineNodeType({
  id: 'test.train',
  version: 1,
  category: 'train',
  title: 'Train (test)',
  description: 'Trains a model on a dataset: a synthetic built-in for export tests.',
  icon: 'terminal',
  inputs: [{ id: 'dataset', type: 'dataset', label: 'Train set' }],
  outputs: [{ id: 'model', type: 'model', label: 'Model' }],
  runtime: 'builtin',
  params: () => z.object({
    target: z.string().default('label').describe('Label column'),
    nEstimators: z.number().int().default(100).describe('Trees'),
    token: z.string().optional().describe('Registry token'),
  }),
  example: { params: {} },
});

const evaluate = defineNodeType({
  id: 'test.evaluate',
  version: 1,
  category: 'evaluate',
  title: 'Evaluate (test)',
  description: 'Scores a model on a dataset: a synthetic built-in for export tests.',
  icon: 'terminal',
  inputs: [
    { id: 'model', type: 'model', label: 'Model' },
    { id: 'dataset', type: 'dataset', label: 'Test set' },
  ],
  outputs: [{ id: 'metrics', type: 'metrics', label: 'Metrics' }],
  runtime: 'builtin',
  params: () => z.object({ target: z.string().default('label').describe('Label column') }),
  example: { params: {} },
});

const serve = defineNodeType({
  id: 'test.serve',
  version: 1,
  category: 'deploy',
  title: 'Serve (test)',
  description: 'Starts a prediction server: a synthetic built-in with side effects for export tests.',
  icon: 'terminal',
  inputs: [{ id: 'model', type: 'model', label: 'Model' }],
  outputs: [],
  runtime: 'builtin',
  params: () => z.object({ port: z.number().int().default(8080).describe('Port') }),
  example: { params: {} },
  sideEffects: true,
  unsupportedTargets: { kubeflow: 'a long-running server does not fit a pipeline task; use deploy.package and KServe' },
});

export const syntheticTypes: readonly NodeTypeDefinition[] = [load, split, train, evaluate, serve];

/** The real registry plus the synthetic types. */
export const testLookup: NodeTypeLookup = (id) => syntheticTypes.find((t) => t.id === id) ?? getNodeType(id);
