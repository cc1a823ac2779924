// Turns React Flow's change lists into store actions: moves and note resizes edit the document, sizes and selection
// go to view state. Removals are ignored: deleting is one undoable action of the clipboard slice.
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { moveElements, updateNote, type XY } from '../../../../shared/graph/graph-edit';
import type { AppState } from '../../store/app-store';
import type { Size } from '../../store/canvas.slice';
import type { SelectionChange } from '../../store/selection.slice';
import { isNoteFlowId, noteIdOf } from './flow-elements';

export function applyNodeChanges(state: AppState, changes: readonly NodeChange[]): void {
  const moves = new Map<string, XY>();
  const noteMoves = new Map<string, XY>();
  const noteSizes = new Map<string, Size>();
  const sizes: { id: string; size: Size }[] = [];
  const nodeSelection: SelectionChange[] = [];
  const noteSelection: SelectionChange[] = [];
  for (const change of changes) {
    if (change.type === 'add' || change.type === 'replace' || change.type === 'remove') continue;
    const note = isNoteFlowId(change.id);
    const id = note ? noteIdOf(change.id) : change.id;
    if (change.type === 'position' && change.position) (note ? noteMoves : moves).set(id, change.position);
    if (change.type === 'dimensions' && change.dimensions) {
      sizes.push({ id: change.id, size: change.dimensions });
      // NodeResizer reports the user's resize with setAttributes; plain measurements don't change the document.
      if (note && change.setAttributes) noteSizes.set(id, change.dimensions);
    }
    if (change.type === 'select') (note ? noteSelection : nodeSelection).push({ id, selected: change.selected });
  }
  if (sizes.length > 0) state.setMeasured(sizes);
  if (moves.size + noteMoves.size > 0) state.updateDocument((doc) => moveElements(doc, moves, noteMoves));
  if (noteSizes.size > 0) {
    state.updateDocument((doc) =>
      [...noteSizes].reduce((d, [id, size]) => updateNote(d, id, { width: Math.round(size.width), height: Math.round(size.height) }), doc),
    );
  }
  if (nodeSelection.length > 0) state.applySelectionChanges('nodes', nodeSelection);
  if (noteSelection.length > 0) state.applySelectionChanges('notes', noteSelection);
}

export function applyEdgeChanges(state: AppState, changes: readonly EdgeChange[]): void {
  const selection = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
  if (selection.length > 0) state.applySelectionChanges('edges', selection);
}
