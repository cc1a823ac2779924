// Property-based tests of the graph algorithms on random graphs (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestors, descendants, findCycle, topologicalOrder, wouldCreateCycle, type DirectedEdge } from '../../shared/graph/dag';

/** A random DAG: edges only go from a lower to a higher index, then node ids are shuffled. */
const dagArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      ids: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `n${i}`),
        { minLength: n, maxLength: n },
      ),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    }),
  )
  .map(({ ids, pairs }) => {
    const sorted = [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    const edges: DirectedEdge[] = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ source: sorted[a]!, target: sorted[b]! }));
    return { ids, edges };
  });

describe('topologicalOrder', () => {
  it('orders every node once and every edge forwards', () => {
    fc.assert(
      fc.property(dagArb, ({ ids, edges }) => {
        const result = topologicalOrder(ids, edges);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect([...result.order].sort()).toEqual([...ids].sort());
        const at = new Map(result.order.map((id, i) => [id, i]));
        for (const e of edges) expect(at.get(e.source)!).toBeLessThan(at.get(e.target)!);
      }),
    );
  });

  it('is deterministic: the same input gives the same order', () => {
    fc.assert(
      fc.property(dagArb, ({ ids, edges }) => {
        expect(topologicalOrder(ids, edges)).toEqual(topologicalOrder(ids, [...edges]));
      }),
    );
  });

  it('keeps the given node order among independent nodes', () => {
    expect(topologicalOrder(['c', 'a', 'b'], [])).toEqual({ ok: true, order: ['c', 'a', 'b'] });
  });
});

describe('findCycle', () => {
  it('finds none in a DAG', () => {
    fc.assert(
      fc.property(dagArb, ({ ids, edges }) => {
        expect(findCycle(ids, edges)).toBeNull();
      }),
    );
  });

  it('names a real cycle once a back edge is added', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), ({ ids, edges }, pick) => {
        fc.pre(edges.length > 0);
        const e = edges[pick % edges.length]!;
        const withBack = [...edges, { source: e.target, target: e.source }];
        const cycle = findCycle(ids, withBack);
        expect(cycle).not.toBeNull();
        const has = (a: string, b: string) => withBack.some((x) => x.source === a && x.target === b);
        cycle!.forEach((id, i) => expect(has(id, cycle![(i + 1) % cycle!.length]!)).toBe(true));
        expect(new Set(cycle).size).toBe(cycle!.length);
        const topo = topologicalOrder(ids, withBack);
        expect(topo.ok).toBe(false);
        if (!topo.ok) expect(topo.cycle.length).toBeGreaterThan(0);
      }),
    );
  });

  it('reports a self-loop as a one-node cycle and handles deep chains without recursion', () => {
    expect(findCycle(['a'], [{ source: 'a', target: 'a' }])).toEqual(['a']);
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const chain = ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
    expect(findCycle(ids, chain)).toBeNull();
    expect(findCycle(ids, [...chain, { source: ids.at(-1)!, target: ids[0]! }])).toHaveLength(50_000);
  });
});

describe('reachability', () => {
  it('wouldCreateCycle is true exactly when the target already reaches the source', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.nat(), ({ ids, edges }, i, j) => {
        const a = ids[i % ids.length]!;
        const b = ids[j % ids.length]!;
        const expected = findCycle(ids, [...edges, { source: a, target: b }]) !== null;
        expect(wouldCreateCycle(a, b, edges)).toBe(expected);
      }),
    );
  });

  it('ancestors and descendants mirror each other', () => {
    fc.assert(
      fc.property(dagArb, ({ ids, edges }) => {
        for (const a of ids) for (const d of descendants(a, edges)) expect(ancestors(d, edges).has(a)).toBe(true);
      }),
    );
  });
});
