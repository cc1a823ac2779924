// A tiny parameterised pipeline of shell nodes for tracking tests (engine, CLI, end-to-end): prepare → train →
// evaluate. `depth` reaches only train (and so evaluate), so a sweep over it must take prepare from the cache.
// evaluate reports accuracy = 0.5 + depth/20 and loss = 1/depth, and fails for depth ≤ 0.
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';

const shell = (id: string, command: string, x: number, ports: Pick<Pipeline['nodes'][number], 'inputs' | 'outputs'>) => ({
  id,
  type: 'script.shell',
  params: { command },
  position: { x, y: 0 },
  ...ports,
});

export function sweepable(name = 'sweepable'): Pipeline {
  return {
    schemaVersion: 1,
    name,
    parameters: [
      { name: 'depth', type: 'number', default: 2 },
      { name: 'rows', type: 'number', default: 3 },
    ],
    nodes: [
      shell('prepare', 'seq 1 {{params.rows}} > {{outputs.data}}', 0, { outputs: [{ id: 'data', type: 'dataset' }] }),
      shell('train', 'echo depth={{params.depth}} > {{outputs.model}}; cat {{inputs.data}} >> {{outputs.model}}', 200, {
        inputs: [{ id: 'data', type: 'dataset' }],
        outputs: [{ id: 'model', type: 'any' }],
      }),
      shell(
        'evaluate',
        `[ {{params.depth}} -gt 0 ] || { echo "depth must be positive" >&2; exit 3; }; awk 'BEGIN { d = {{params.depth}}; printf "{\\"accuracy\\": %.4f, \\"loss\\": %.4f}", 0.5 + d / 20, 1 / d }' > $PIPEWRIGHT_METRICS`,
        400,
        { inputs: [{ id: 'model', type: 'any' }] },
      ),
    ],
    edges: [
      { id: 'prepare.data->train.data', source: 'prepare', sourceHandle: 'data', target: 'train', targetHandle: 'data' },
      { id: 'train.model->evaluate.model', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
    ],
  };
}
