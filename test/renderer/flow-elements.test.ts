// Canvas derivation: React Flow elements mirror the document, and unchanged ones keep their objects between renders.
import { describe, expect, it } from 'vitest';
import { createFlowCache, noteFlowId, toFlowEdges, toFlowNodes } from '../../renderer/src/designer/canvas/flow-elements';
import type { Selection } from '../../renderer/src/store/selection.slice';
import { moveElements, setNodeParam } from '../../shared/graph/graph-edit';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';

const none: Selection = { nodes: new Set(), edges: new Set(), notes: new Set() };
const doc: Pipeline = {
  schemaVersion: 1,
  name: 'p',
  parameters: [],
  nodes: [
    { id: 'a', type: 'script.shell', label: 'Load', params: {}, position: { x: 0, y: 0 }, outputs: [{ id: 'out', type: 'model' }] },
    { id: 'b', type: 'mystery.type', params: {}, position: { x: 200, y: 0 }, inputs: [{ id: 'in', type: 'any' }] },
  ],
  edges: [
    { id: 'typed', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' },
    { id: 'order', source: 'a', target: 'b' },
  ],
  notes: [{ id: 'n', text: 'hello', position: { x: 0, y: 100 } }],
};
const index = (d: Pipeline) => new Map(d.nodes.map((n) => [n.id, n]));

describe('flow elements', () => {
  it('mirrors nodes, notes and edges with accessible names and plain data', () => {
    const cache = createFlowCache();
    const nodes = toFlowNodes(doc, none, new Map(), cache);
    expect(nodes.map((n) => n.id)).toEqual([noteFlowId('n'), 'a', 'b']);
    expect(nodes[1]).toMatchObject({ type: 'pipeline', data: { type: 'script.shell', params: {}, label: 'Load' }, ariaLabel: 'Load (Shell command, id a)' });
    expect(Object.keys(nodes[1]!.data).sort()).toEqual(['inputs', 'label', 'outputs', 'params', 'type']);
    expect(nodes[2]!.ariaLabel).toBe('b (unknown type mystery.type)');
    expect(nodes[0]).toMatchObject({ type: 'note', data: { text: 'hello' }, width: 200, height: 120 });
    const edges = toFlowEdges(doc, none, index(doc), cache);
    expect(edges.map((e) => [e.className, e.ariaLabel])).toEqual([
      ['edge-model', 'model from a.out to b.in'],
      ['edge-order', 'b runs after a'],
    ]);
    expect(edges[1]).toMatchObject({ sourceHandle: null, targetHandle: null });
  });

  it('reuses unchanged objects and keeps data while a node only moves or is selected', () => {
    const cache = createFlowCache();
    const first = toFlowNodes(doc, none, new Map(), cache);
    const moved = moveElements(doc, new Map([['a', { x: 10, y: 10 }]]));
    const second = toFlowNodes(moved, { ...none, nodes: new Set(['b']) }, new Map(), cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.data).toBe(first[1]!.data);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]!.selected).toBe(true);
    const edited = toFlowNodes(setNodeParam(moved, 'a', 'command', 'x'), none, new Map(), cache);
    expect(edited[1]!.data).not.toBe(first[1]!.data);
    const edgesA = toFlowEdges(doc, none, index(doc), cache);
    const edgesB = toFlowEdges(moved, none, index(moved), cache);
    expect(edgesB).toBe(edgesA);
    const edgesC = toFlowEdges(moved, { ...none, edges: new Set(['order']) }, index(moved), cache);
    expect(edgesC).not.toBe(edgesA);
    expect(edgesC[0]).toBe(edgesA[0]);
  });

  it('passes measured sizes through so React Flow keeps handle positions', () => {
    const cache = createFlowCache();
    const size = { width: 180, height: 70 };
    const nodes = toFlowNodes(doc, none, new Map([['a', size]]), cache);
    expect(nodes[1]!.measured).toBe(size);
  });
});
