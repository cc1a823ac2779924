// Where "the middle of what the user sees" is, in flow coordinates (Enter on a palette item, paste, new note).
import type { ReactFlowInstance } from '@xyflow/react';
import type { XY } from '../../../../shared/graph/graph-edit';

/** The flow point at the centre of the canvas element, or the origin when the canvas is not mounted. */
export function viewportCentre(flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): XY {
  const pane = document.querySelector('[data-testid="canvas"] .react-flow');
  if (!pane) return { x: 0, y: 0 };
  const rect = pane.getBoundingClientRect();
  return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}

/** Fits the pipeline in view, not past 100 %. Does nothing on an empty canvas (React Flow would queue the fit and
 * jump the view when the first node is added). */
export function fitToContent(flow: Pick<ReactFlowInstance, 'fitView' | 'getNodes'>): void {
  if (flow.getNodes().length > 0) void flow.fitView({ duration: 200, maxZoom: 1, padding: 0.15 });
}
