// Inspector of the pipeline itself (shown when nothing is selected): description and pipeline parameters.
import { useApp } from '../../store/store-context';
import { ParametersEditor } from './ParametersEditor';

export function PipelineInspector() {
  const name = useApp((s) => s.document?.name ?? '');
  const description = useApp((s) => s.document?.description ?? '');
  const nodeCount = useApp((s) => s.document?.nodes.length ?? 0);
  const updateDocument = useApp((s) => s.updateDocument);
  return (
    <div className="inspector-section">
      <h2 className="panel-title">{name}</h2>
      <p className="type-line">
        Pipeline · {nodeCount} node{nodeCount === 1 ? '' : 's'} · select a node to edit it
      </p>
      <label className="field">
        <span>Description</span>
        <textarea
          rows={3}
          value={description}
          onChange={(e) =>
            updateDocument(
              ({ description: _old, ...doc }) => (e.target.value === '' ? doc : { ...doc, description: e.target.value }),
              { coalesce: 'pipeline:description' },
            )
          }
        />
      </label>
      <ParametersEditor />
    </div>
  );
}
