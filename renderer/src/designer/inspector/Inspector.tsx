// The side panel: the selected node's inspector, a summary of a multi-selection, or the pipeline's own settings.
import { useApp } from '../../store/store-context';
import { NodeInspector } from './NodeInspector';
import { PipelineInspector } from './PipelineInspector';

export function Inspector() {
  const hasDocument = useApp((s) => s.document !== null);
  const nodeCount = useApp((s) => s.selection.nodes.size);
  const otherCount = useApp((s) => s.selection.edges.size + s.selection.notes.size);
  const singleNode = useApp((s) => (s.selection.nodes.size === 1 ? [...s.selection.nodes][0]! : null));
  const duplicateSelection = useApp((s) => s.duplicateSelection);
  const deleteSelection = useApp((s) => s.deleteSelection);
  if (!hasDocument) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="hint inspector-section">The open pipeline's settings and the selected node's parameters show here.</p>
      </aside>
    );
  }
  let body;
  if (singleNode && otherCount === 0) body = <NodeInspector key={singleNode} nodeId={singleNode} />;
  else if (nodeCount + otherCount > 0) {
    body = (
      <div className="inspector-section">
        <h2 className="panel-title">
          {nodeCount} node{nodeCount === 1 ? '' : 's'}
          {otherCount > 0 ? ` and ${otherCount} other element${otherCount === 1 ? '' : 's'}` : ''} selected
        </h2>
        <div className="button-row">
          <button type="button" onClick={duplicateSelection}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={deleteSelection}>
            Delete
          </button>
        </div>
      </div>
    );
  } else body = <PipelineInspector />;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {body}
    </aside>
  );
}
