// The designer toolbar: file, edit and canvas actions, then the slot other features fill (Run, Export to CI, …).
import { useReactFlow } from '@xyflow/react';
import { useApi } from '../../api/api-context';
import { useApp, useAppStore } from '../../store/store-context';
import { addNoteAt } from '../actions';
import { fitToContent, viewportCentre } from '../canvas/viewport';
import { toolbarItems } from '../extensions';
import { ImportButton } from '../files/ImportButton';
import { exportOpenPipeline } from '../files/pipeline-files';
import { layoutAndFit } from '../shortcuts/shortcuts';

export function DesignerToolbar() {
  const store = useAppStore();
  const api = useApi();
  const flow = useReactFlow();
  const hasDocument = useApp((s) => s.document !== null);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const snapToGrid = useApp((s) => s.snapToGrid);
  const busy = useApp((s) => s.canvasBusy !== null);
  const state = store.getState;
  return (
    <div className="toolbar" role="toolbar" aria-label="Designer toolbar">
      <div className="toolbar-group" role="group" aria-label="File">
        <button type="button" aria-label="New from template" title="New pipeline from a template" onClick={() => state().openDialog('templates')}>
          Template…
        </button>
        <ImportButton />
        <button type="button" disabled={!hasDocument} onClick={() => void exportOpenPipeline(state, api)}>
          Export file
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Edit">
        <button type="button" disabled={!canUndo} onClick={() => state().undo()} aria-label="Undo" title="Undo (Ctrl+Z)">
          ↶
        </button>
        <button type="button" disabled={!canRedo} onClick={() => state().redo()} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          ↷
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Canvas">
        <button type="button" disabled={!hasDocument} onClick={() => addNoteAt(state(), viewportCentre(flow))} title="Add a sticky note (Shift+N)">
          Add note
        </button>
        <button type="button" disabled={!hasDocument || busy} onClick={() => void layoutAndFit(state, flow)} aria-label="Auto-layout" title="Auto-layout left to right (Shift+L)">
          Layout
        </button>
        <button type="button" disabled={!hasDocument} onClick={() => fitToContent(flow)} title="Fit view (Shift+F)">
          Fit view
        </button>
        <button type="button" aria-pressed={snapToGrid} onClick={() => state().toggleSnapToGrid()} aria-label="Snap to grid" title="Snap to grid (Shift+G)">
          Snap
        </button>
      </div>
      <div className="toolbar-group toolbar-slot" role="group" aria-label="More actions">
        {toolbarItems.map((item) => (
          <item.component key={item.id} />
        ))}
      </div>
      <button type="button" className="toolbar-help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => state().openDialog('shortcuts')}>
        ?
      </button>
    </div>
  );
}
