// Handlers for model.* (the registry) and deployment.* (local prediction servers) commands.
import type { ModelComparison, ModelVersionRecord } from '../../shared/api/index';
import { refreshDeployments, stopDeployment } from '../deploy/deployments';
import type { HandlersFor } from './handler-types';

type ModelCommand =
  | 'model.list'
  | 'model.versions'
  | 'model.version'
  | 'model.byRun'
  | 'model.setAlias'
  | 'model.removeAlias'
  | 'model.compare'
  | 'deployment.list'
  | 'deployment.stop';

/** Every param and metric of two versions, side by side (sorted by name). */
export function compareVersions(a: ModelVersionRecord, b: ModelVersionRecord): ModelComparison {
  const names = (x: object, y: object) => [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return {
    a,
    b,
    params: names(a.params, b.params).map((name) => ({
      name,
      a: a.params[name] ?? null,
      b: b.params[name] ?? null,
      changed: JSON.stringify(a.params[name]) !== JSON.stringify(b.params[name]),
    })),
    metrics: names(a.metrics, b.metrics).map((name) => {
      const [x, y] = [a.metrics[name] ?? null, b.metrics[name] ?? null];
      return { name, a: x, b: y, delta: x !== null && y !== null ? y - x : null };
    }),
  };
}

export const modelHandlers: HandlersFor<ModelCommand> = {
  'model.list': (_args, ctx) => ctx.models.list(),
  'model.versions': ({ name }, ctx) => ctx.models.versions(name),
  'model.version': ({ name, version }, ctx) => ctx.models.version(name, version),
  'model.byRun': ({ runId }, ctx) => ctx.models.byRun(runId),
  'model.setAlias': ({ name, alias, version }, ctx) => {
    const record = ctx.models.setAlias(name, alias, version);
    ctx.events.publish('model.changed', { name: record.name });
    return record;
  },
  'model.removeAlias': ({ name, alias }, ctx) => {
    const removed = ctx.models.removeAlias(name, alias);
    ctx.events.publish('model.changed', { name });
    return { removed };
  },
  'model.compare': ({ a, b }, ctx) => compareVersions(ctx.models.version(a.name, a.version), ctx.models.version(b.name, b.version)),
  'deployment.list': (_args, ctx) => refreshDeployments(ctx.deployments),
  'deployment.stop': async (args, ctx) => {
    const targets = 'id' in args ? [ctx.deployments.find(args.id)] : ctx.deployments.running();
    const stopped = [];
    for (const target of targets) {
      const record = await stopDeployment(ctx.deployments, target);
      ctx.events.publish('deployment.changed', { id: record.id, status: record.status });
      stopped.push(record);
    }
    return stopped;
  },
};
