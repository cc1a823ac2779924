// A node's context menu acts on the selection the node belongs to, else on the node alone (which becomes selected).
// What its items do is tested in Chromium (test/e2e/run.spec.ts).
import { describe, expect, it } from 'vitest';
import { openStore, shellNode } from './store-harness';

describe('node context menu', () => {
  it('acts on the whole selection when the clicked node is part of it, else on the node alone', async () => {
    const { store } = await openStore({ nodes: [shellNode('a'), shellNode('b'), shellNode('c')] });
    const s = store.getState;
    s().select({ nodes: ['a', 'b'] });
    s().openNodeMenu('b', { x: 10, y: 20 });
    expect(s().nodeMenu).toEqual({ nodeIds: ['a', 'b'], x: 10, y: 20 });
    s().openNodeMenu('c', { x: 30, y: 40 });
    expect(s().nodeMenu).toEqual({ nodeIds: ['c'], x: 30, y: 40 });
    expect([...s().selection.nodes]).toEqual(['c']);
    s().closeNodeMenu();
    expect(s().nodeMenu).toBeNull();
  });
});
