// The last pointer position over the canvas, so paste lands where the user points (else at the viewport centre).
import type { ReactFlowInstance } from '@xyflow/react';
import type { XY } from '../../../../shared/graph/graph-edit';
import { viewportCentre } from './viewport';

let last: XY | null = null;

export function rememberPointer(client: XY | null): void {
  last = client;
}

/** Where pasted or new elements go: under the pointer when it is over the canvas, else the middle of the view. */
export function placementPoint(flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): XY {
  return last ? flow.screenToFlowPosition(last) : viewportCentre(flow);
}
