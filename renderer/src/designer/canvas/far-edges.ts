// Edge geometry at far zoom: every edge as a straight line between its handles, grouped into one SVG path per look
// (its class: artifact type, order-only, selected, running), so 1,500 edges cost a handful of DOM elements.
import type { Edge, InternalNode } from '@xyflow/react';

/** One path of the far-zoom edge layer: every edge sharing `className`, as straight segments. */
export interface FarEdgePath {
  className: string;
  d: string;
}

type Side = 'source' | 'target';

export function farEdgePaths(edges: readonly Edge[], nodeLookup: ReadonlyMap<string, InternalNode>): FarEdgePath[] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.hidden) continue;
    const from = anchor(nodeLookup.get(edge.source), 'source', edge.sourceHandle);
    const to = anchor(nodeLookup.get(edge.target), 'target', edge.targetHandle);
    if (!from || !to) continue;
    const className = `${edge.className ?? ''}${edge.selected ? ' selected' : ''}`.trim();
    const segments = groups.get(className) ?? [];
    groups.set(className, segments);
    segments.push(`M${from.x} ${from.y}L${to.x} ${to.y}`);
  }
  return [...groups].map(([className, segments]) => ({ className, d: segments.join('') }));
}

/** Two results draw the same picture (the store selector's equality: no re-render while nothing moved). */
export function sameFarEdgePaths(a: FarEdgePath[], b: FarEdgePath[]): boolean {
  return a.length === b.length && a.every((p, i) => p.className === b[i]!.className && p.d === b[i]!.d);
}

/** The centre of the edge's handle (a handle without id: the node's first on that side), else the node's centre. */
function anchor(node: InternalNode | undefined, side: Side, handleId: string | null | undefined): { x: number; y: number } | undefined {
  if (!node) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  const handles = node.internals.handleBounds?.[side] ?? [];
  const handle = handleId ? handles.find((h) => h.id === handleId) : (handles.find((h) => !h.id) ?? handles[0]);
  if (!handle) return { x: Math.round(x + (node.measured.width ?? 0) / 2), y: Math.round(y + (node.measured.height ?? 0) / 2) };
  return { x: Math.round(x + handle.x + handle.width / 2), y: Math.round(y + handle.y + handle.height / 2) };
}
