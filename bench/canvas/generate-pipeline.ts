// Generates benchmark pipelines: N shell nodes in layers with typed ports and ~1.5 edges per node, deterministic.
import { serializePipeline } from '../../shared/pipeline/pipeline-file';
import type { Pipeline, PipelineEdge, PipelineNode } from '../../shared/pipeline/pipeline.schema';

/** Small deterministic PRNG (mulberry32), so every run lays out the same graph. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A DAG of `count` nodes in layers of ~√count, each node fed by 1–2 nodes of earlier layers (≈1.5 edges per node). */
export function generatePipeline(count: number, name = `bench-${count}`): Pipeline {
  const next = random(count);
  const perLayer = Math.max(1, Math.round(Math.sqrt(count)));
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / perLayer);
    nodes.push({
      id: `n${i}`,
      type: 'script.shell',
      label: `Step ${i}`,
      params: { command: `echo step ${i}` },
      inputs: [{ id: 'in', type: 'dataset', multiple: true, ...(layer === 0 ? { optional: true } : {}) }],
      outputs: [{ id: 'out', type: 'dataset' }],
      position: { x: layer * 260, y: (i % perLayer) * 110 },
    });
    if (layer === 0) continue;
    const fanIn = edges.length < i * 1.5 - 1 ? 2 : 1;
    const sources = new Set<number>();
    while (sources.size < fanIn) sources.add(Math.floor(next() * layer * perLayer));
    for (const s of sources) edges.push({ id: `e${edges.length}`, source: `n${s}`, sourceHandle: 'out', target: `n${i}`, targetHandle: 'in' });
  }
  return { schemaVersion: 1, name, parameters: [], nodes, edges };
}

/** The pipeline file text of `generatePipeline(count)`. */
export function generatedPipelineFile(count: number): string {
  return serializePipeline(generatePipeline(count));
}
