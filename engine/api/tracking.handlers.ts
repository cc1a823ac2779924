// Handlers for experiments.* (table, annotations, saved view, comparison, history, lineage, reports) and sweep.*.
import { ApiError } from '../../shared/api/index';
import { defaultExperimentView } from '../../shared/tracking/experiment-view';
import { RunRefusedError } from '../runner/run-plan';
import type { ApiContext } from './context';
import type { HandlersFor } from './handler-types';

type TrackingCommand =
  | 'experiments.query'
  | 'experiments.columns'
  | 'experiments.annotate'
  | 'experiments.getView'
  | 'experiments.saveView'
  | 'experiments.compare'
  | 'experiments.history'
  | 'experiments.lineage'
  | 'experiments.modelLineage'
  | 'experiments.report'
  | 'sweep.start'
  | 'sweep.get'
  | 'sweep.list'
  | 'sweep.cancel';

/** The experiments view keeps one set of choices per data home. */
const VIEW_NAME = 'experiments';

/** Publishes a sweep's progress (runs ended / all) on the event bus. */
function publishSweep(ctx: ApiContext, sweepId: string): void {
  ctx.events.publish('sweep.changed', ctx.tracking.sweepsRepo.progress(sweepId));
}

export const trackingHandlers: HandlersFor<TrackingCommand> = {
  'experiments.query': (query, ctx) => {
    ctx.tracking.recoverAbandoned();
    return ctx.tracking.queries.page(query);
  },
  'experiments.columns': (_args, ctx) => ctx.tracking.queries.columns(),
  'experiments.annotate': ({ runIds, ...change }, ctx) => {
    ctx.tracking.repo.annotate(runIds, change);
    ctx.events.publish('experiments.changed', { runIds });
    return { updated: runIds.length };
  },
  'experiments.getView': (_args, ctx) => ctx.tracking.repo.view(VIEW_NAME, defaultExperimentView(ctx.tracking.queries.commonColumns())),
  'experiments.saveView': ({ view }, ctx) => {
    ctx.tracking.repo.saveView(VIEW_NAME, view);
    return view;
  },
  'experiments.compare': ({ runIds, metric }, ctx) => ctx.tracking.compare(runIds, metric),
  'experiments.history': ({ pipelineName, metric, goal, tolerance }, ctx) => ctx.tracking.history(pipelineName, metric, { ...(goal ? { goal } : {}), tolerance }),
  'experiments.lineage': ({ runId }, ctx) => ctx.tracking.lineage(runId),
  'experiments.modelLineage': ({ name, version }, ctx) => ctx.tracking.modelLineage(name, version),
  'experiments.report': ({ runIds, metric }, ctx) => ctx.tracking.report(runIds, metric),
  'sweep.start': ({ pipelineId, spec, params, options, parallel, metric, goal }, ctx) => {
    const record = ctx.pipelines.get(pipelineId);
    let sweep;
    try {
      sweep = ctx.tracking.sweeps.start({
        pipeline: record.document,
        baseDir: record.sourceDir ?? process.cwd(),
        stored: { id: record.id, revision: record.revision },
        spec,
        baseParams: params,
        options,
        parallel,
        ...(metric ? { metric } : {}),
        ...(goal ? { goal } : {}),
        trigger: ctx.host === 'desktop' || ctx.host === 'web' ? 'ui' : 'api',
        onProgress: (sweepId) => publishSweep(ctx, sweepId),
      });
    } catch (error) {
      if (error instanceof RunRefusedError) throw new ApiError('invalid_pipeline', `cannot run: ${error.message}`, error.problems);
      throw error;
    }
    void sweep.done.then(
      () => publishSweep(ctx, sweep.id),
      (error: unknown) => console.error(`pipewright: sweep ${sweep.id} failed:`, error),
    );
    return ctx.tracking.sweepsRepo.get(sweep.id);
  },
  'sweep.get': ({ sweepId }, ctx) => {
    ctx.tracking.recoverAbandoned();
    return ctx.tracking.sweepsRepo.get(sweepId);
  },
  'sweep.list': ({ limit }, ctx) => {
    ctx.tracking.recoverAbandoned();
    return ctx.tracking.sweepsRepo.list(limit);
  },
  'sweep.cancel': ({ sweepId }, ctx) => {
    if (ctx.tracking.sweeps.cancel(sweepId)) return { canceled: true };
    ctx.tracking.recoverAbandoned();
    const sweep = ctx.tracking.sweepsRepo.get(sweepId);
    // Run by another Pipewright process (a terminal's sweep, another app): it finds the request and cancels it.
    return { canceled: sweep.status === 'running' && ctx.tracking.sweepsRepo.requestCancel(sweepId) };
  },
};
