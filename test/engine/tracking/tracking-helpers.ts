// Test helpers for experiment tracking: an engine on a temp home, a small parameterised pipeline of script nodes
// that reports metrics, and a way to run it to the end.
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import { runOptionsSchema, type RunOptionsInput } from '../../../shared/runs/run-options';
import { openEngine, type Engine } from '../../../engine/app';
import { tempDir } from '../../support/temp-home';
import { edge, shell } from '../runner/run-helpers';

/** An engine on a fresh temp home; close it after the test. */
export function trackingEngine(): Engine {
  return openEngine({ home: tempDir('pipewright-tracking-'), host: 'test' });
}

/**
 * prepare → train → evaluate. `depth` reaches only train (and so evaluate): a sweep over it must take prepare from
 * the cache. evaluate reports accuracy = 0.5 + depth/20 and loss = 1/depth, and fails for depth ≤ 0.
 */
export function sweepable(name = 'sweepable'): Pipeline {
  return {
    schemaVersion: 1,
    name,
    parameters: [
      { name: 'depth', type: 'number', default: 2 },
      { name: 'rows', type: 'number', default: 3 },
    ],
    nodes: [
      shell('prepare', 'seq 1 {{params.rows}} > {{outputs.data}}', { outputs: [{ id: 'data', type: 'dataset' }] }),
      shell('train', 'echo depth={{params.depth}} > {{outputs.model}}; cat {{inputs.data}} >> {{outputs.model}}', {
        inputs: [{ id: 'data', type: 'dataset' }],
        outputs: [{ id: 'model', type: 'any' }],
      }),
      shell(
        'evaluate',
        `[ {{params.depth}} -gt 0 ] || { echo "depth must be positive" >&2; exit 3; }; awk 'BEGIN { d = {{params.depth}}; printf "{\\"accuracy\\": %.4f, \\"loss\\": %.4f}", 0.5 + d / 20, 1 / d }' > $PIPEWRIGHT_METRICS`,
        { inputs: [{ id: 'model', type: 'any' }] },
      ),
    ].map((n, i) => ({ ...n, position: { x: i * 200, y: 0 } })),
    edges: [edge('prepare.data', 'train.data'), edge('train.model', 'evaluate.model')],
  };
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
