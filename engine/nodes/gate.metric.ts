// `gate.metric`: fails when a metric crosses its threshold or is worse than the production model's.
import { copyFileSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { gateMetric } from '../../shared/nodes/gate.metric';
import { withRegistry } from '../deploy/registry';
import { NodeError, type NodeImplementation } from './node-implementation';
import { inputPath, log } from './node-io';

type Params = z.output<typeof gateMetric.params>;

/** A metric by name or dotted path (`perClass.yes.recall`); unknown names list the available metrics. */
export function lookupMetric(metrics: Record<string, unknown>, path: string): number {
  const value = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), metrics);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const available = Object.entries(metrics).filter(([, v]) => typeof v === 'number').map(([k]) => k);
  throw new NodeError(`metric "${path}" is not in the metrics input (available: ${available.join(', ') || 'none'})`);
}

const fmt = (n: number) => String(Number(n.toPrecision(6)));

export const gateMetricNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const source = inputPath(ctx, 'metrics');
    const metrics = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
    const value = lookupMetric(metrics, params.metric);
    const worse = (a: number, b: number) => (params.direction === 'min' ? a < b : a > b);
    if (worse(value, params.threshold)) {
      const relation = params.direction === 'min' ? 'below the minimum' : 'above the maximum';
      throw new NodeError(`quality gate failed: ${params.metric} ${fmt(value)} is ${relation} ${fmt(params.threshold)}`);
    }
    log(`${params.metric} ${fmt(value)} passes the threshold ${fmt(params.threshold)} (${params.direction === 'min' ? 'at least' : 'at most'})`);
    if (params.compareToProduction) {
      const name = params.model || ctx.run?.pipelineName;
      if (!name) throw new NodeError('compareToProduction needs the registered model name: set "model" (outside a pipeline run there is no pipeline name)');
      const current = await withRegistry(({ models }) => models.versionByAlias(name, params.alias));
      const baseline = current?.metrics[params.metric];
      if (!current || baseline === undefined) {
        log(`no ${params.alias} version of "${name}" with a ${params.metric} yet; only the threshold applies`);
      } else {
        const limit = params.direction === 'min' ? baseline - params.tolerance : baseline + params.tolerance;
        if (worse(value, limit)) {
          throw new NodeError(
            `quality gate failed: ${params.metric} ${fmt(value)} is worse than ${params.alias} version ${current.version} of "${name}" (${fmt(baseline)}, tolerance ${fmt(params.tolerance)})`,
          );
        }
        log(`${params.metric} ${fmt(value)} is not worse than ${params.alias} version ${current.version} of "${name}" (${fmt(baseline)})`);
      }
    }
    const out = ctx.outputs['metrics'];
    if (out) copyFileSync(source, out);
    ctx.reportMetric('gate_passed', 1);
  },
};
