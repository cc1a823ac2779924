// Designer actions shared by the palette, toolbar, shortcuts and panels; each is one undo step where it edits.
import type { ReactFlowInstance } from '@xyflow/react';
import { addEdge, addNode, addNote, type XY } from '../../../shared/graph/graph-edit';
import { checkConnection, type ConnectionCandidate } from '../../../shared/graph/connection';
import { getNodeType } from '../../../shared/nodes/index';
import type { AppState } from '../store/app-store';
import { isNoteFlowId, noteFlowId } from './canvas/flow-elements';

/** Drag-and-drop payload type of palette items (the node type id). */
export const NODE_TYPE_MIME = 'application/x-pipewright-node-type';

/** Adds a node of `type` centred on `at` and selects it. */
export function addNodeAt(state: AppState, type: string, at: XY): void {
  let id: string | undefined;
  state.updateDocument((doc) => {
    // Centre the new node on the point (180×60 is about its size before it is measured).
    const position = freeSpot(doc.nodes.map((n) => n.position), { x: at.x - 90, y: at.y - 30 });
    const added = addNode(doc, type, position, getNodeType(type)?.title);
    id = added.id;
    return added.doc;
  });
  if (id) state.select({ nodes: [id] });
}

/** `wanted`, or the first point down-right of it that no node occupies, so repeated adds don't stack up. */
export function freeSpot(taken: readonly XY[], wanted: XY): XY {
  let spot = wanted;
  while (taken.some((p) => Math.abs(p.x - spot.x) < 24 && Math.abs(p.y - spot.y) < 24)) spot = { x: spot.x + 40, y: spot.y + 110 };
  return spot;
}

/** Adds an empty sticky note at `at` and selects it (it opens for editing). */
export function addNoteAt(state: AppState, at: XY): void {
  let id: string | undefined;
  state.updateDocument((doc) => {
    const added = addNote(doc, at);
    id = added.id;
    return added.doc;
  });
  if (id) state.select({ notes: [id] });
}

/** Draws an edge if the rules allow it; otherwise shows the reason and returns it. */
export function connect(state: AppState, candidate: ConnectionCandidate): string | null {
  const doc = state.document;
  if (!doc) return 'no pipeline is open';
  const verdict = checkConnection(doc, getNodeType, candidate);
  if (!verdict.ok) {
    state.showToast('error', `Cannot connect: ${verdict.reason}`);
    return verdict.reason;
  }
  state.updateDocument((d) => addEdge(d, candidate).doc);
  return null;
}

/** Selects a node (or note) and centres the view on it. */
export function focusElement(state: AppState, flow: ReactFlowInstance, id: string, kind: 'node' | 'note' = 'node'): void {
  const flowId = kind === 'note' ? noteFlowId(id) : id;
  state.select(kind === 'note' ? { notes: [id] } : { nodes: [id] });
  const node = flow.getInternalNode(flowId);
  if (!node) return;
  const width = node.measured.width ?? 180;
  const height = node.measured.height ?? 60;
  const { x, y } = node.internals.positionAbsolute;
  void flow.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 250 });
}

/** Selects an edge and centres the view between its ends. */
export function focusEdge(state: AppState, flow: ReactFlowInstance, id: string): void {
  state.select({ edges: [id] });
  const edge = state.document?.edges.find((e) => e.id === id);
  const ends = edge ? [edge.source, edge.target].map((n) => flow.getInternalNode(n)).filter((n) => n !== undefined) : [];
  if (ends.length === 0) return;
  const xs = ends.map((n) => n.internals.positionAbsolute.x);
  const ys = ends.map((n) => n.internals.positionAbsolute.y);
  void flow.setCenter((Math.min(...xs) + Math.max(...xs)) / 2 + 90, (Math.min(...ys) + Math.max(...ys)) / 2 + 30, { duration: 250 });
}

/** True for canvas ids of notes (so callers don't need to know the prefix). */
export { isNoteFlowId };
