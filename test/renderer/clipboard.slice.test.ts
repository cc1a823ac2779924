// Clipboard slice: copy produces a pipeline file, paste adds fresh copies and selects them, cut/delete are one step.
import { describe, expect, it } from 'vitest';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import { openStore, shellNode } from './store-harness';

const twoConnected = {
  nodes: [shellNode('a', 0, { outputs: ['out'] }), shellNode('b', 200, { inputs: ['in'] })],
  edges: [{ id: 'e1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' }],
};

describe('clipboard slice', () => {
  it('copies the selection as a pipeline file and pastes it with new ids at the given point', async () => {
    const { store, doc } = await openStore(twoConnected);
    const s = store.getState;
    expect(s().copySelection()).toBeNull();
    s().select({ nodes: ['a', 'b'] });
    const text = s().copySelection()!;
    const parsed = parsePipelineText(text);
    expect(parsed.ok && parsed.pipeline.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(s().paste(text, { x: 500, y: 300 })).toEqual({ ok: true, count: 2 });
    expect(doc().nodes.map((n) => n.id)).toEqual(['a', 'b', 'a-2', 'b-2']);
    expect(doc().edges.map((e) => [e.source, e.target])).toEqual([
      ['a', 'b'],
      ['a-2', 'b-2'],
    ]);
    expect([...s().selection.nodes]).toEqual(['a-2', 'b-2']);
    expect(doc().nodes[2]!.position).toEqual({ x: 500, y: 300 });
    s().undo();
    expect(doc().nodes).toHaveLength(2);
  });

  it('pastes from its own memory when the system clipboard gave nothing, and refuses non-pipelines', async () => {
    const { store, doc } = await openStore(twoConnected);
    const s = store.getState;
    expect(s().paste(null, { x: 0, y: 0 })).toEqual({ ok: false, reason: 'the clipboard is empty: copy nodes first' });
    s().select({ nodes: ['a'] });
    s().copySelection();
    expect(s().paste('', { x: 0, y: 0 })).toEqual({ ok: true, count: 1 });
    const refused = s().paste('just words', { x: 0, y: 0 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/^the clipboard does not hold a pipeline: /);
    expect(doc().nodes).toHaveLength(3);
  });

  it('cuts, duplicates and deletes as single undo steps, edges included', async () => {
    const { store, doc } = await openStore(twoConnected);
    const s = store.getState;
    s().select({ nodes: ['a'] });
    s().duplicateSelection();
    expect(doc().nodes.find((n) => n.id === 'a-2')?.position).toEqual({ x: 40, y: 40 });
    s().select({ nodes: ['a'] });
    expect(s().cutSelection()).not.toBeNull();
    expect(doc().nodes.map((n) => n.id)).toEqual(['b', 'a-2']);
    expect(doc().edges).toEqual([]);
    expect(s().selection.nodes.size).toBe(0);
    s().undo();
    expect(doc().edges).toHaveLength(1);
    s().select({ edges: ['e1'] });
    s().deleteSelection();
    expect(doc().edges).toEqual([]);
    expect(doc().nodes).toHaveLength(3);
  });
});
