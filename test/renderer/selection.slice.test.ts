// Selection slice: canvas changes apply per kind, select-all, and pruning after deletes and undo.
import { describe, expect, it } from 'vitest';
import { removeElements } from '../../shared/graph/graph-edit';
import { openStore, shellNode } from './store-harness';

describe('selection slice', () => {
  it('applies select/deselect changes and keeps the set when nothing changed', async () => {
    const { store } = await openStore({ nodes: [shellNode('a'), shellNode('b')] });
    const s = store.getState;
    s().applySelectionChanges('nodes', [{ id: 'a', selected: true }, { id: 'b', selected: true }]);
    const selection = s().selection;
    s().applySelectionChanges('nodes', [{ id: 'a', selected: true }]);
    expect(s().selection).toBe(selection);
    s().applySelectionChanges('nodes', [{ id: 'a', selected: false }]);
    expect([...s().selection.nodes]).toEqual(['b']);
  });

  it('selects everything and prunes ids that disappeared', async () => {
    const { store } = await openStore({ nodes: [shellNode('a'), shellNode('b')], edges: [{ id: 'e', source: 'a', target: 'b' }] });
    const s = store.getState;
    s().selectAll();
    expect(s().selection.edges.has('e')).toBe(true);
    s().updateDocument((d) => removeElements(d, { nodes: ['a'] }));
    s().pruneSelection();
    expect([...s().selection.nodes]).toEqual(['b']);
    expect(s().selection.edges.size).toBe(0);
  });
});
