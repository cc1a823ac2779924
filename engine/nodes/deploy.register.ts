// `deploy.register`: copies the model into the registry as the next version, with lineage, params and metrics.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { deployRegister } from '../../shared/nodes/deploy.register';
import { withRegistry } from '../deploy/registry';
import { writeRegistration } from '../deploy/registration';
import { readModelInput } from './model-input';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, optionalInputPath } from './node-io';

type Params = z.output<typeof deployRegister.params>;

/** Top-level finite numbers of a metrics artifact (accuracy, rmse, …) and the hash of the data it was computed on. */
function readMetrics(path: string | undefined): { metrics: Record<string, number>; evaluationSha256?: string } {
  if (!path) return { metrics: {} };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new NodeError(`the metrics input is not valid JSON: ${(error as Error).message}`);
  }
  const metrics = Object.fromEntries(Object.entries(json).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[0] !== 'rows'));
  return { metrics, ...(typeof json['dataSha256'] === 'string' ? { evaluationSha256: json['dataSha256'] } : {}) };
}

export const deployRegisterNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const { dir: source, artifact, defaultName } = readModelInput(ctx);
    const name = params.name || defaultName;
    const { metrics, evaluationSha256 } = readMetrics(optionalInputPath(ctx, 'metrics'));
    const record = await withRegistry(({ home, models }) =>
      models.register(
        {
          name,
          description: params.description,
          algorithm: artifact.algorithm,
          task: artifact.task,
          target: artifact.target,
          lineage: {
            runId: ctx.run?.runId ?? null,
            nodeId: ctx.run?.nodeId ?? null,
            pipelineName: ctx.run?.pipelineName ?? null,
            pipelineRevision: ctx.run?.pipelineRevision ?? null,
            dataHashes: { training: artifact.training.dataSha256, ...(evaluationSha256 ? { evaluation: evaluationSha256 } : {}) },
          },
          params: artifact.params,
          metrics,
          features: artifact.features.map((f) => ({ name: f.name, kind: f.kind })),
        },
        (modelId, version) => {
          const target = join(home.root, 'models', modelId, `v${version}`);
          cpSync(source, target, { recursive: true });
          return target;
        },
        params.alias || undefined,
      ),
    );
    const out = ctx.outputs['model'];
    if (out) {
      cpSync(record.artifactPath, out, { recursive: true });
      writeRegistration(out, { name: record.name, version: record.version });
    }
    log(`registered "${record.name}" version ${record.version}${record.aliases.length ? ` (${record.aliases.join(', ')})` : ''} with ${Object.keys(metrics).length} metrics`);
    ctx.reportMetric('model_version', record.version);
  },
};
