// Far-zoom edge geometry: straight segments between handle centres, grouped by look, and the level-of-detail rule.
import type { Edge, InternalNode } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { farEdgePaths, sameFarEdgePaths } from '../../renderer/src/designer/canvas/far-edges';
import { allNodesInView, FAR_ZOOM, isFar } from '../../renderer/src/designer/canvas/view-detail';

/** A measured 100×50 node at (x, y) with an `in` handle on the left, `out` on the right and an unnamed one on top. */
function node(id: string, x: number, y: number, measured = true): InternalNode {
  const handle = (hid: string | null, type: 'source' | 'target', hx: number, hy: number) => ({ id: hid, nodeId: id, type, position: Position.Left, x: hx, y: hy, width: 10, height: 10 });
  return {
    id,
    position: { x, y },
    data: {},
    measured: measured ? { width: 100, height: 50 } : {},
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      ...(measured ? { handleBounds: { source: [handle('out', 'source', 95, 20)], target: [handle(null, 'target', 45, -5), handle('in', 'target', -5, 20)] } } : {}),
    },
  };
}

const lookup = (...nodes: InternalNode[]) => new Map(nodes.map((n) => [n.id, n]));
const edge = (id: string, source: string, target: string, extra: Partial<Edge> = {}): Edge => ({ id, source, target, sourceHandle: 'out', targetHandle: 'in', className: 'edge-dataset', ...extra });

describe('far edge paths', () => {
  it('draws each edge from the centre of its source handle to the centre of its target handle', () => {
    expect(farEdgePaths([edge('e', 'a', 'b')], lookup(node('a', 0, 0), node('b', 300, 100)))).toEqual([{ className: 'edge-dataset', d: 'M100 25L300 125' }]);
  });

  it('groups edges by look into one path each: type, order-only, selected', () => {
    const nodes = lookup(node('a', 0, 0), node('b', 300, 0), node('c', 600, 0));
    const paths = farEdgePaths(
      [
        edge('ab', 'a', 'b'),
        edge('bc', 'b', 'c'),
        edge('order', 'a', 'c', { sourceHandle: null, targetHandle: null, className: 'edge-order' }),
        edge('picked', 'a', 'c', { selected: true }),
      ],
      nodes,
    );
    expect(paths).toEqual([
      { className: 'edge-dataset', d: 'M100 25L300 25M400 25L600 25' },
      // An edge without handle ids uses the node's unnamed handle (the order handle on top for targets).
      { className: 'edge-order', d: 'M100 25L650 0' },
      { className: 'edge-dataset selected', d: 'M100 25L600 25' },
    ]);
  });

  it('falls back to the node centre before handles are measured, and leaves out hidden edges and missing nodes', () => {
    const nodes = lookup(node('a', 0, 0), { ...node('b', 300, 0, false), measured: { width: 100, height: 50 } });
    expect(farEdgePaths([edge('ab', 'a', 'b'), edge('hidden', 'a', 'b', { hidden: true }), edge('gone', 'a', 'nope')], nodes)).toEqual([
      { className: 'edge-dataset', d: 'M100 25L350 25' },
    ]);
  });

  it('compares results by what they draw', () => {
    const a = [{ className: 'x', d: 'M0 0L1 1' }];
    expect(sameFarEdgePaths(a, [{ className: 'x', d: 'M0 0L1 1' }])).toBe(true);
    expect(sameFarEdgePaths(a, [{ className: 'x', d: 'M0 0L1 2' }])).toBe(false);
    expect(sameFarEdgePaths(a, [])).toBe(false);
  });
});

describe('view detail', () => {
  it('is far below FAR_ZOOM only', () => {
    expect(isFar({ transform: [0, 0, FAR_ZOOM - 0.01] })).toBe(true);
    expect(isFar({ transform: [0, 0, FAR_ZOOM] })).toBe(false);
  });

  it('knows whether every node lies inside the pane', () => {
    const nodes = lookup(node('a', 0, 0), node('b', 300, 100));
    expect(allNodesInView({ transform: [0, 0, 1], width: 400, height: 150, nodeLookup: nodes })).toBe(true);
    expect(allNodesInView({ transform: [-10, 0, 1], width: 400, height: 150, nodeLookup: nodes })).toBe(false);
    expect(allNodesInView({ transform: [0, 0, 0.5], width: 200, height: 75, nodeLookup: nodes })).toBe(true);
  });
});
