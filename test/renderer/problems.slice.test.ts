// Validation in the store: problems per node, badges clear when fixed, and drags don't re-validate.
import { describe, expect, it } from 'vitest';
import { moveElements, setNodeParam } from '../../shared/graph/graph-edit';
import { onlyPositionsDiffer } from '../../renderer/src/store/problems.slice';
import { openStore, shellNode } from './store-harness';

describe('problems slice', () => {
  it('finds problems per node and clears them when fixed', async () => {
    const { store } = await openStore({ nodes: [shellNode('a')] });
    const s = store.getState;
    s().validateNow();
    expect(s().problems).toEqual([]);
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', ''));
    s().validateNow();
    expect(s().problemsByNode.get('a')).toMatchObject({ errors: 1, warnings: 0 });
    expect(s().problems[0]).toMatchObject({ code: 'invalid-param', nodeId: 'a' });
    s().updateDocument((d) => setNodeParam(d, 'a', 'command', 'ls'));
    s().validateNow();
    expect(s().problemsByNode.size).toBe(0);
  });

  it('badges every node of a cycle', async () => {
    const { store } = await openStore({
      nodes: [shellNode('a'), shellNode('b'), shellNode('c')],
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'bc', source: 'b', target: 'c' },
        { id: 'ca', source: 'c', target: 'a' },
      ],
    });
    store.getState().validateNow();
    expect([...store.getState().problemsByNode.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('skips validation when only positions changed, keeping the same problems array', async () => {
    const { store, doc } = await openStore({ nodes: [shellNode('a'), { ...shellNode('b'), params: { command: '' } }] });
    const s = store.getState;
    s().validateNow();
    const before = s().problems;
    const moved = moveElements(doc(), new Map([['a', { x: 50, y: 50 }]]));
    expect(onlyPositionsDiffer(doc(), moved)).toBe(true);
    expect(onlyPositionsDiffer(doc(), setNodeParam(doc(), 'a', 'command', 'x'))).toBe(false);
    s().updateDocument(() => moved);
    s().validateNow();
    expect(s().problems).toBe(before);
  });
});
