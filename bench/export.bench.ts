// Export speed on a 400-node pipeline, as ratios against validating the same pipeline (every export validates first).
// Run: npx vitest bench --run bench/export.bench.ts
import { bench, describe } from 'vitest';
import { exportOptionsSchema } from '../shared/export/export-options';
import { exportPipeline } from '../shared/export/export-pipeline';
import { EXPORT_TARGETS } from '../shared/nodes/node-type';
import type { Pipeline } from '../shared/pipeline/pipeline.schema';
import { validatePipeline } from '../shared/validation/validate-pipeline';

/** A layered DAG of shell nodes: each node reads the outputs of two nodes of the layer before. */
function widePipeline(layers: number, width: number): Pipeline {
  const id = (l: number, i: number) => `n${l}_${i}`;
  const nodes: Pipeline['nodes'] = [];
  const edges: Pipeline['edges'] = [];
  for (let l = 0; l < layers; l++) {
    for (let i = 0; i < width; i++) {
      nodes.push({
        id: id(l, i),
        type: 'script.shell',
        params: { command: l === 0 ? 'seq 1 {{params.rows}} > {{outputs.out}}' : 'cat {{inputs.in}} > {{outputs.out}}' },
        ...(l > 0 ? { inputs: [{ id: 'in', type: 'dataset' as const, multiple: true }] } : {}),
        outputs: [{ id: 'out', type: 'dataset' as const }],
        position: { x: l * 200, y: i * 100 },
      });
      if (l > 0) {
        for (const j of [i, (i + 1) % width]) edges.push({ id: `e${edges.length}`, source: id(l - 1, j), sourceHandle: 'out', target: id(l, i), targetHandle: 'in' });
      }
    }
  }
  return { schemaVersion: 1, name: 'bench', parameters: [{ name: 'rows', type: 'number', default: 10 }], nodes, edges };
}

const pipeline = widePipeline(20, 20);

describe('export 400 nodes / 760 edges', () => {
  bench('baseline: validatePipeline', () => {
    validatePipeline(pipeline);
  });
  for (const target of EXPORT_TARGETS) {
    const options = exportOptionsSchema.parse({ target, runnerImage: 'pipewright-runner:bench' });
    bench(`export ${target}`, () => {
      exportPipeline(pipeline, options);
    });
  }
});
