// Pure document edits: ids, structural sharing (untouched nodes keep their objects), edges following renames/removals.
import { describe, expect, it } from 'vitest';
import { addEdge, addNode, addNote, moveElements, removeElements, renameNode, setNodeLabel, setNodeParam, setNodePorts, setNodeSettings, updateNote } from '../../shared/graph/graph-edit';
import { identifierStem, nodeIdStem, uniqueId } from '../../shared/graph/unique-id';
import { emptyPipeline, type Pipeline } from '../../shared/pipeline/pipeline.schema';

function twoNodes(): Pipeline {
  const base = emptyPipeline('t');
  return {
    ...base,
    nodes: [
      { id: 'a', type: 'script.shell', params: {}, position: { x: 0, y: 0 }, outputs: [{ id: 'out', type: 'dataset' }] },
      { id: 'b', type: 'script.shell', params: {}, position: { x: 200, y: 0 }, inputs: [{ id: 'in', type: 'dataset' }] },
    ],
    edges: [{ id: 'e1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' }],
  };
}

describe('ids', () => {
  it('derives readable, unique identifiers', () => {
    expect(nodeIdStem('data.csv')).toBe('csv');
    expect(identifierStem('  9 Train model! ')).toBe('Train-model');
    expect(identifierStem('***')).toBe('node');
    const taken = new Set(['shell', 'shell-2']);
    expect(uniqueId('shell', taken)).toBe('shell-3');
    expect(uniqueId('shell-2', taken)).toBe('shell-4');
    expect(uniqueId('fresh', taken)).toBe('fresh');
    expect(taken.has('fresh')).toBe(true);
  });
});

describe('graph edits', () => {
  it('adds nodes with unique ids and rounded positions', () => {
    const one = addNode(emptyPipeline('t'), 'script.shell', { x: 10.4, y: 20.6 }, 'Shell');
    const two = addNode(one.doc, 'script.shell', { x: 0, y: 0 });
    expect([one.id, two.id]).toEqual(['shell', 'shell-2']);
    expect(two.doc.nodes[0]).toEqual({ id: 'shell', type: 'script.shell', label: 'Shell', params: {}, position: { x: 10, y: 21 } });
  });

  it('moves only the given nodes and keeps every other object', () => {
    const doc = twoNodes();
    const moved = moveElements(doc, new Map([['b', { x: 300.2, y: 40 }]]));
    expect(moved.nodes[0]).toBe(doc.nodes[0]);
    expect(moved.nodes[1]!.position).toEqual({ x: 300, y: 40 });
    expect(moved.nodes[1]!.params).toBe(doc.nodes[1]!.params);
    expect(moved.edges).toBe(doc.edges);
  });

  it('removes nodes with their edges, and edges and notes by id', () => {
    const withNote = addNote(twoNodes(), { x: 0, y: 0 }, 'hi');
    expect(removeElements(withNote.doc, { nodes: ['a'] }).edges).toEqual([]);
    const after = removeElements(withNote.doc, { edges: ['e1'], notes: [withNote.id] });
    expect(after.nodes).toHaveLength(2);
    expect(after.edges).toEqual([]);
    expect(after.notes).toEqual([]);
    expect(removeElements(withNote.doc, {})).toBe(withNote.doc);
  });

  it('adds edges with readable unique ids, omitting empty handles for order-only edges', () => {
    const doc = twoNodes();
    const order = addEdge(doc, { source: 'a', target: 'b', sourceHandle: null, targetHandle: null });
    expect(order.doc.edges[1]).toEqual({ id: 'e-a-b', source: 'a', target: 'b' });
    expect(addEdge(order.doc, { source: 'a', target: 'b' }).id).toBe('e-a-b-2');
  });

  it('sets and clears params, labels and settings', () => {
    let doc = setNodeParam(twoNodes(), 'a', 'command', 'ls');
    expect(doc.nodes[0]!.params).toEqual({ command: 'ls' });
    doc = setNodeParam(doc, 'a', 'command', undefined);
    expect(doc.nodes[0]!.params).toEqual({});
    doc = setNodeLabel(setNodeLabel(doc, 'a', 'Load'), 'b', '');
    expect(doc.nodes.map((n) => n.label)).toEqual(['Load', undefined]);
    doc = setNodeSettings(doc, 'a', { retries: 2, resources: { cpu: '' } });
    expect(doc.nodes[0]!.settings).toEqual({ retries: 2 });
    doc = setNodeSettings(doc, 'a', { resources: {} });
    expect('settings' in doc.nodes[0]!).toBe(false);
    expect(setNodeParam(doc, 'missing', 'x', 1)).toBe(doc);
  });

  it('keeps edges on renamed ports and drops edges on removed ports', () => {
    const renamed = setNodePorts(twoNodes(), 'b', 'inputs', [{ id: 'data', type: 'dataset' }], new Map([['in', 'data']]));
    expect(renamed.edges[0]).toMatchObject({ targetHandle: 'data' });
    const removed = setNodePorts(twoNodes(), 'a', 'outputs', []);
    expect(removed.edges).toEqual([]);
    expect('outputs' in removed.nodes[0]!).toBe(false);
  });

  it('renames a node and re-points its edges', () => {
    const doc = renameNode(twoNodes(), 'a', 'load');
    expect(doc.nodes[0]!.id).toBe('load');
    expect(doc.edges[0]).toMatchObject({ source: 'load', target: 'b' });
  });

  it('edits notes', () => {
    const { doc, id } = addNote(emptyPipeline('t'), { x: 5, y: 5 });
    expect(updateNote(doc, id, { text: 'why', width: 300 }).notes![0]).toEqual({ id: 'note', text: 'why', position: { x: 5, y: 5 }, width: 300, height: 120 });
    expect(updateNote(doc, 'nope', { text: 'x' })).toBe(doc);
  });
});
