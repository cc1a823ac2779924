// Auto-layout input/output, laid out by the real elkjs engine: sources end up left of their targets, ports in order.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutOrigin, positionsFromElk, toElkGraph } from '../../renderer/src/designer/layout/elk-graph';
import { getNodeType } from '../../shared/nodes/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';

const node = (id: string, x: number, y: number, ports: { inputs?: string[]; outputs?: string[] } = {}) => ({
  id,
  type: 'script.shell',
  params: {},
  position: { x, y },
  ...(ports.inputs ? { inputs: ports.inputs.map((p) => ({ id: p, type: 'any' as const })) } : {}),
  ...(ports.outputs ? { outputs: ports.outputs.map((p) => ({ id: p, type: 'any' as const })) } : {}),
});

const doc: Pipeline = {
  schemaVersion: 1,
  name: 'p',
  parameters: [],
  // Deliberately placed right to left.
  nodes: [node('c', 0, 0, { inputs: ['x', 'y'] }), node('b', 300, 100, { inputs: ['in'], outputs: ['out'] }), node('a', 600, 50, { outputs: ['one', 'two'] })],
  edges: [
    { id: 'ab', source: 'a', sourceHandle: 'one', target: 'b', targetHandle: 'in' },
    { id: 'bc', source: 'b', sourceHandle: 'out', target: 'c', targetHandle: 'x' },
    { id: 'ac', source: 'a', sourceHandle: 'two', target: 'c', targetHandle: 'y' },
    { id: 'order', source: 'a', target: 'c' },
    { id: 'stale', source: 'a', sourceHandle: 'gone', target: 'c', targetHandle: 'x' },
  ],
};

describe('ELK graph', () => {
  it('describes nodes with sized, ordered ports on their sides', () => {
    const graph = toElkGraph(doc, getNodeType, new Map([['a', { width: 200, height: 90 }]]));
    const a = graph.children!.find((c) => c.id === 'a')!;
    expect([a.width, a.height]).toEqual([200, 90]);
    expect(a.ports!.map((p) => p.layoutOptions!['elk.port.side'])).toEqual(['EAST', 'EAST']);
    expect(graph.edges!.find((e) => e.id === 'order')).toMatchObject({ sources: ['a'], targets: ['c'] });
    expect(graph.edges!.find((e) => e.id === 'stale')!.sources).toEqual(['a']);
  });

  it('lays the pipeline out left to right, starting where it was', async () => {
    const result = await new ELK().layout(toElkGraph(doc, getNodeType, new Map()));
    const positions = positionsFromElk(result, layoutOrigin(doc));
    expect(layoutOrigin(doc)).toEqual({ x: 0, y: 0 });
    expect(positions.get('a')!.x).toBeLessThan(positions.get('b')!.x);
    expect(positions.get('b')!.x).toBeLessThan(positions.get('c')!.x);
    expect(Math.min(...[...positions.values()].map((p) => p.x))).toBe(0);
  });
});
