// Undo/redo: one step per edit or gesture, coalesced typing, ≥ 200 steps, selection never recorded, autosave of undo.
import { describe, expect, it } from 'vitest';
import { moveElements, setNodeParam } from '../../shared/graph/graph-edit';
import { HISTORY_LIMIT } from '../../renderer/src/store/history.slice';
import { openStore, shellNode } from './store-harness';

describe('history slice', () => {
  it('undoes and redoes each edit, and a new edit clears the redo stack', async () => {
    const { store, doc } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'one'));
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'two'));
    s().undo();
    expect(doc().nodes[0]!.params['command']).toBe('one');
    s().undo();
    expect(doc().nodes[0]!.params['command']).toBe('echo a');
    s().undo(); // nothing left: no-op
    s().redo();
    expect(doc().nodes[0]!.params['command']).toBe('one');
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'three'));
    expect(s().future).toHaveLength(0);
    s().redo();
    expect(doc().nodes[0]!.params['command']).toBe('three');
  });

  it('makes one step of a gesture (a drag) and of typing into one field', async () => {
    const { store, doc } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    s().beginGesture();
    for (let x = 1; x <= 30; x++) s().updateDocument((d) => moveElements(d, new Map([['a', { x, y: 0 }]])));
    s().endGesture();
    expect(s().past).toHaveLength(1);
    for (const text of ['l', 'ls', 'ls -', 'ls -l']) s().updateDocument((d) => setNodeParam(d, 'a', 'command', text), { coalesce: 'param:a:command' });
    expect(s().past).toHaveLength(2);
    s().undo();
    expect(doc().nodes[0]!.params['command']).toBe('echo a');
    expect(doc().nodes[0]!.position.x).toBe(30);
    s().undo();
    expect(doc().nodes[0]!.position.x).toBe(0);
  });

  it('never records selection, and keeps at least 200 steps', async () => {
    const { store, doc } = await openStore({ nodes: [shellNode('a'), shellNode('b', 200)] });
    const s = store.getState;
    s().select({ nodes: ['a'] });
    s().selectAll();
    s().clearSelection();
    expect(s().past).toHaveLength(0);
    for (let i = 0; i < 250; i++) s().updateDocument((d) => setNodeParam(d, 'a', 'command', `step ${i}`));
    expect(s().past.length).toBe(250);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 250; i++) s().undo();
    expect(doc().nodes[0]!.params['command']).toBe('echo a');
  });

  it('autosaves what undo brings back, within a second', async () => {
    const { store, connected } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'changed'));
    s().undo();
    await new Promise((r) => setTimeout(r, 1000));
    expect(s().saveState).toBe('saved');
    const stored = await connected.api.invoke('pipeline.get', { id: s().openId! });
    expect(stored.document.nodes[0]!.params['command']).toBe('echo a');
  });

  it('saves a stream of edits at least every autosave period (a throttle, not a debounce)', async () => {
    const { store, connected } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < 900) {
      s().updateDocument((d) => setNodeParam(d, 'a', 'command', `edit ${i++}`), { coalesce: 'typing' });
      await new Promise((r) => setTimeout(r, 20));
    }
    const revisions = await connected.api.invoke('pipeline.revisions', { id: s().openId! });
    expect(revisions.length).toBeGreaterThan(1);
    await s().flushSave();
    expect((await connected.api.invoke('pipeline.get', { id: s().openId! })).document.nodes[0]!.params['command']).toBe(`edit ${i - 1}`);
  });

  it('starts a fresh history when another pipeline is opened', async () => {
    const { store, connected } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'x'));
    const other = await connected.api.invoke('pipeline.create', { name: 'other' });
    await s().openPipeline(other.id);
    expect(s().past).toHaveLength(0);
    expect(s().document?.name).toBe('other');
  });
});
