// What the current viewport asks of the canvas, as React Flow store selectors: whether nodes are far enough away to be
// drawn as plain boxes (passed to node components by FarZoomContext), and whether every node is in view (then culling
// off-screen elements only costs time).
import type { ReactFlowState } from '@xyflow/react';
import { createContext } from 'react';

/** Below this zoom nodes are drawn as plain boxes (`.far` in designer.css): their text and handles would be < 5 px. */
export const FAR_ZOOM = 0.4;

export function isFar(s: Pick<ReactFlowState, 'transform'>): boolean {
  return s.transform[2] < FAR_ZOOM;
}

/**
 * True when every measured node lies inside the visible pane. React Flow's onlyRenderVisibleElements recomputes the
 * visible node and edge ids on every store update (each frame of a drag); when everything is visible that is wasted.
 */
export function allNodesInView(s: Pick<ReactFlowState, 'transform' | 'width' | 'height' | 'nodeLookup'>): boolean {
  const [x, y, zoom] = s.transform;
  const left = -x / zoom;
  const top = -y / zoom;
  const right = left + s.width / zoom;
  const bottom = top + s.height / zoom;
  for (const node of s.nodeLookup.values()) {
    const { x: nx, y: ny } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    if (nx < left || ny < top || nx + width > right || ny + height > bottom) return false;
  }
  return true;
}

/**
 * Whether the canvas is at far zoom, for node components. A context, not a store subscription per node: 1,000 nodes
 * re-render once when the zoom crosses FAR_ZOOM, and never on the store updates of a drag.
 */
export const FarZoomContext = createContext(false);
