// `deploy.serve`: starts a local prediction server for the model that outlives the run.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const deployServe = defineNodeType({
  id: 'deploy.serve',
  version: 1,
  category: 'deploy',
  title: 'Serve model',
  description:
    'Starts a prediction server on 127.0.0.1 in its own process: POST /predict with JSON rows, GET /health, GET /metrics ' +
    '(request count, latency p50/p95/p99, memory). It keeps running after the run; `pipewright deployments` lists and stops ' +
    'it, as does the Deployments panel. Outputs the endpoint (URL, port, deployment id) as JSON.',
  icon: 'server',
  inputs: [{ id: 'model', type: 'model', label: 'Model' }],
  outputs: [{ id: 'endpoint', type: 'endpoint', label: 'Endpoint' }],
  runtime: 'builtin',
  builtOn: 'Node’s `http` server in a detached `pipewright serve-model` process',
  sideEffects: true,
  params: () => z.object({
    name: z
      .string()
      .max(100)
      .default('')
      .describe('Deployment name. Empty: the registered model name, else the pipeline’s name.'),
    port: z.number().int().min(0).max(65535).default(0).describe('Port on 127.0.0.1. 0: any free port.'),
    replace: z.boolean().default(true).describe('Stop running deployments with the same name first (a re-run replaces the server).'),
  }),
  example: { params: { name: 'example' } },
});
