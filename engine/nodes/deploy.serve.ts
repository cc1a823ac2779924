// `deploy.serve`: starts (or replaces) a local prediction server for the model and outputs its endpoint.
import type { z } from 'zod';
import type { deployServe } from '../../shared/nodes/deploy.serve';
import { startDeployment, stopByName } from '../deploy/deployments';
import { withRegistry } from '../deploy/registry';
import type { NodeImplementation } from './node-implementation';
import { readModelInput } from './model-input';
import { log, writeOutputJson } from './node-io';

type Params = z.output<typeof deployServe.params>;

export const deployServeNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const { dir: modelDir, artifact, registration, defaultName } = readModelInput(ctx);
    const name = params.name || defaultName;
    const deployment = await withRegistry(async ({ home, deployments }) => {
      if (params.replace) {
        for (const stopped of await stopByName(deployments, name)) log(`stopped the previous deployment ${stopped.id} of "${name}"`);
      }
      return startDeployment(home, deployments, {
        name,
        modelDir,
        modelName: registration?.name ?? null,
        modelVersion: registration?.version ?? null,
        port: params.port,
        runId: ctx.run?.runId ?? null,
        nodeId: ctx.run?.nodeId ?? null,
      });
    });
    writeOutputJson(ctx, 'endpoint', {
      deploymentId: deployment.id,
      name,
      url: deployment.url,
      predictUrl: `${deployment.url}/predict`,
      port: deployment.port,
      pid: deployment.pid,
    });
    log(`serving "${name}" (${artifact.algorithm}) at ${deployment.url}/predict — deployment ${deployment.id}, pid ${deployment.pid}`);
    log(`stop it with: pipewright deployments stop ${deployment.id}`);
    ctx.reportMetric('port', deployment.port);
  },
};
