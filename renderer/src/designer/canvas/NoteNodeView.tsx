// A sticky note on the canvas: double-click to edit its text, drag the corner to resize. Notes are never executed.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { updateNote } from '../../../../shared/graph/graph-edit';
import { useApp } from '../../store/store-context';
import { noteIdOf, type NoteFlowNode } from './flow-elements';

export const NoteNodeView = memo(function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const noteId = noteIdOf(id);
  const updateDocument = useApp((s) => s.updateDocument);
  const beginGesture = useApp((s) => s.beginGesture);
  const endGesture = useApp((s) => s.endGesture);
  const [editing, setEditing] = useState(data.text === '');
  return (
    <div className={`pw-note${selected ? ' selected' : ''}`} onDoubleClick={() => setEditing(true)}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={60} onResizeStart={beginGesture} onResizeEnd={endGesture} />
      {editing ? (
        <textarea
          className="pw-note-text nodrag nowheel"
          aria-label="Note text"
          // Focus is wanted here: the user just asked to edit (double-click or a new note).
          autoFocus
          value={data.text}
          placeholder="Write a note…"
          onChange={(e) => updateDocument((doc) => updateNote(doc, noteId, { text: e.target.value }), { coalesce: `note:${noteId}` })}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        />
      ) : (
        <div className="pw-note-text">{data.text || <span className="hint">Double-click to write</span>}</div>
      )}
    </div>
  );
});
