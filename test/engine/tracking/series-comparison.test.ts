// Comparing runs whose nodes wrote metrics step by step: each series overlaid by run (and node), in the comparison
// and in the HTML report, from real runs on a real engine.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../engine/app';
import { buildHtmlReport } from '../../../engine/tracking/html-report';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import { runStored, store, trackingEngine } from './tracking-helpers';

let engine: Engine;
afterEach(() => engine?.close());

/** train writes loss = rate × (4 − step) for steps 0..3, one JSON line each; `rate` is a pipeline parameter. */
const training: Pipeline = {
  schemaVersion: 1,
  name: 'curves',
  parameters: [{ name: 'rate', type: 'number', default: 1 }],
  nodes: [
    {
      id: 'train',
      type: 'script.shell',
      params: { command: `for s in 0 1 2 3; do awk -v s=$s -v r={{params.rate}} 'BEGIN { printf "{\\"step\\": %d, \\"loss\\": %g}\\n", s, r * (4 - s) }' >> "$PIPEWRIGHT_METRICS"; done` },
      position: { x: 0, y: 0 },
    },
  ],
  edges: [],
};

describe('series in a comparison', () => {
  it('overlays each run’s series of a metric, and the report draws it', async () => {
    engine = trackingEngine();
    const stored = store(engine, training);
    const a = await runStored(engine, training, stored, { rate: 1 });
    const b = await runStored(engine, training, stored, { rate: 0.5 });
    const comparison = engine.ctx.tracking.compare([a, b]);
    expect(comparison.series).toEqual([
      {
        metric: 'loss',
        lines: [
          { runId: a, nodeId: 'train', points: [0, 1, 2, 3].map((step) => ({ step, value: 4 - step })) },
          { runId: b, nodeId: 'train', points: [0, 1, 2, 3].map((step) => ({ step, value: (4 - step) / 2 })) },
        ],
      },
    ]);
    expect(comparison.metrics.find((m) => m.name === 'loss')!.values).toEqual([1, 0.5]);
    const report = buildHtmlReport(comparison);
    expect(report).toContain('data-chart="series-loss"><svg ');
  });
});
