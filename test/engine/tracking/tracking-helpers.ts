// Test helpers for experiment tracking: an engine on a temp home, storing a pipeline, running it to the end.
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import { runOptionsSchema, type RunOptionsInput } from '../../../shared/runs/run-options';
import { openEngine, type Engine } from '../../../engine/app';
import { tempDir } from '../../support/temp-home';

export { sweepable } from '../../support/sweepable-pipeline';

/** An engine on a fresh temp home; close it after the test. */
export function trackingEngine(): Engine {
  return openEngine({ home: tempDir('pipewright-tracking-'), host: 'test' });
}

/** Stores a pipeline and returns its id and revision. */
export function store(engine: Engine, doc: Pipeline): { id: string; revision: number } {
  const created = engine.ctx.pipelines.create(doc);
  return { id: created.id, revision: created.revision };
}

/** Runs a stored pipeline to the end; returns the run id. */
export async function runStored(engine: Engine, doc: Pipeline, stored: { id: string; revision: number }, params: Record<string, unknown> = {}, options: RunOptionsInput = {}): Promise<string> {
  const run = engine.ctx.runner.start({ pipeline: doc, baseDir: tempDir(), stored, params, options: runOptionsSchema.parse(options), trigger: 'api' });
  await run.done;
  return run.id;
}
