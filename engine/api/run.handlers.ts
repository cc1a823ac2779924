// Handlers for run.* commands: start, re-run, cancel, list and inspect runs (events, logs, artifacts).
import { ApiError } from '../../shared/api/index';
import type { RunDetail } from '../../shared/runs/run-record';
import { isSuccessState } from '../../shared/runs/run-status';
import { previewArtifact } from '../runner/artifact-preview';
import { RunRefusedError } from '../runner/run-plan';
import type { StartRunRequest } from '../runner/run-service';
import type { ApiContext } from './context';
import type { HandlersFor } from './handler-types';

type RunCommand =
  | 'run.start'
  | 'run.rerun'
  | 'run.cancel'
  | 'run.list'
  | 'run.get'
  | 'run.delete'
  | 'run.events'
  | 'run.logs'
  | 'run.logSearch'
  | 'run.artifacts'
  | 'run.artifactPreview';

/** Starts a run; a pipeline that cannot run comes back as `invalid_pipeline` with its problems. */
function start(ctx: ApiContext, request: StartRunRequest) {
  try {
    const run = ctx.runner.start(request);
    return ctx.runner.runs.summary(run.id);
  } catch (error) {
    if (error instanceof RunRefusedError) throw new ApiError('invalid_pipeline', `cannot run: ${error.message}`, error.problems);
    throw error;
  }
}

/** Reads a run after committing what an active run has pending, so answers include everything emitted so far. */
function current(ctx: ApiContext, runId: string): RunDetail {
  ctx.runner.flush(runId);
  return ctx.runner.runs.get(runId);
}

export const runHandlers: HandlersFor<RunCommand> = {
  'run.start': ({ pipelineId, params, options }, ctx) => {
    const record = ctx.pipelines.get(pipelineId);
    return start(ctx, {
      pipeline: record.document,
      baseDir: record.sourceDir ?? process.cwd(),
      stored: { id: record.id, revision: record.revision },
      params,
      options,
      trigger: ctx.host === 'desktop' || ctx.host === 'web' ? 'ui' : 'api',
    });
  },
  'run.rerun': ({ runId, failedOnly }, ctx) => {
    const previous = current(ctx, runId);
    if (previous.status === 'running') throw new ApiError('conflict', `run ${runId} is still running; cancel it or wait for it to finish`);
    const redo = previous.nodes.filter((n) => !isSuccessState(n.status)).map((n) => n.nodeId);
    if (failedOnly && redo.length === 0) throw new ApiError('conflict', `every node of run ${runId} succeeded; there is nothing to re-run`);
    return start(ctx, {
      pipeline: previous.document,
      baseDir: previous.baseDir,
      ...(previous.pipelineId && previous.pipelineRevision ? { stored: { id: previous.pipelineId, revision: previous.pipelineRevision } } : {}),
      params: previous.params,
      options: failedOnly ? { ...previous.options, scope: { mode: 'selected', nodeIds: redo } } : previous.options,
      trigger: 'rerun',
    });
  },
  'run.cancel': ({ runId }, ctx) => {
    if (ctx.runner.cancel(runId)) return { canceled: true };
    ctx.runner.recover();
    const run = ctx.runner.runs.summary(runId);
    if (run.status !== 'running') return { canceled: false };
    // Run by another Pipewright process (a terminal's `pipewright run`, a sweep, another app): asked to cancel it.
    return { canceled: ctx.runner.cancelInOwner(runId) };
  },
  // Lists and opened runs first recover runs whose process died meanwhile (a CLI run killed while the app is open):
  // they show as interrupted now, not as running until the next start.
  'run.list': ({ pipelineId, limit }, ctx) => {
    ctx.runner.recover();
    return ctx.runner.runs.list({ ...(pipelineId ? { pipelineId } : {}), limit });
  },
  'run.delete': ({ runIds }, ctx) => {
    const result = ctx.runner.delete(runIds);
    ctx.events.publish('experiments.changed', { runIds: result.deleted, deleted: true });
    return result;
  },
  'run.get': ({ runId }, ctx) => {
    ctx.runner.recover();
    return current(ctx, runId);
  },
  'run.events': ({ runId, afterSeq, maxLogLines }, ctx) => ctx.runner.eventsAfter(runId, afterSeq, maxLogLines),
  'run.logs': ({ runId, nodeId, stream, from, count }, ctx) => {
    current(ctx, runId);
    return ctx.runner.logs.page(runId, nodeId, from, count, stream);
  },
  'run.logSearch': ({ runId, nodeId, stream, query, limit }, ctx) => {
    current(ctx, runId);
    return ctx.runner.logs.search(runId, nodeId, query, limit, stream);
  },
  'run.artifacts': ({ runId, nodeId }, ctx) => ctx.runner.runs.artifacts(runId, nodeId).map(({ path: _path, ...info }) => info),
  'run.artifactPreview': ({ runId, nodeId, port }, ctx) => {
    const artifact = ctx.runner.runs.artifacts(runId, nodeId).find((a) => a.port === port);
    if (!artifact) throw new ApiError('not_found', `node ${nodeId} of run ${runId} has no artifact "${port}"`);
    try {
      return previewArtifact(artifact.path, artifact.kind, artifact.type);
    } catch (error) {
      throw new ApiError('not_found', `the artifact file is gone (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ${artifact.path}`);
    }
  },
};
