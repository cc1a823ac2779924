// The node palette: node types by category with a search box. Drag an item onto the canvas, or press Enter on it to
// place the node in the middle of the view.
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState, type DragEvent } from 'react';
import { nodeTypes } from '../../../../shared/nodes/index';
import type { NodeTypeDefinition } from '../../../../shared/nodes/node-type';
import { useApp, useAppStore } from '../../store/store-context';
import { addNodeAt, NODE_TYPE_MIME } from '../actions';
import { Icon } from '../../components/Icon';
import { viewportCentre } from '../canvas/viewport';
import { paletteGroups } from './palette-groups';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(nodeTypes, query), [query]);
  const hasDocument = useApp((s) => s.document !== null);
  return (
    <section className="palette" aria-label="Node palette">
      <h2 className="panel-title">Nodes</h2>
      <input
        type="search"
        className="palette-search"
        id="palette-search"
        aria-label="Search node types"
        placeholder="Search nodes…  ( / )"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!hasDocument && <p className="hint">Open a pipeline to add nodes.</p>}
      {groups.length === 0 && <p className="hint">No node type matches “{query}”.</p>}
      {groups.map((group) => (
        <div key={group.category} className={`palette-group category-${group.category}`} role="group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul>
            {group.types.map((type) => (
              <PaletteItem key={type.id} type={type} disabled={!hasDocument} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PaletteItem({ type, disabled }: { type: NodeTypeDefinition; disabled: boolean }) {
  const store = useAppStore();
  const flow = useReactFlow();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, type.id);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // Click, Enter and Space all arrive as a click on the button.
  const add = () => addNodeAt(store.getState(), type.id, viewportCentre(flow));
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        draggable={!disabled}
        disabled={disabled}
        onDragStart={onDragStart}
        onClick={add}
        aria-label={type.title}
        title={`${type.description}\n\nDrag onto the canvas, or press Enter to add it in the middle of the view.`}
        data-node-type={type.id}
      >
        <Icon name={type.icon} className="node-icon" />
        <span>{type.title}</span>
      </button>
    </li>
  );
}
