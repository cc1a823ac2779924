// What the canvas shows with no pipeline open: the three ways to get one (new, from a template, from a file).
import { useApp } from '../../store/store-context';
import { ImportButton } from '../files/ImportButton';

export function EmptyCanvas() {
  const pipelineCount = useApp((s) => s.pipelines.length);
  const startNaming = useApp((s) => s.setNamingNewPipeline);
  const openDialog = useApp((s) => s.openDialog);
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      <div className="canvas-empty-card">
        <p>{pipelineCount > 0 ? 'Open a pipeline on the left, or start another one:' : 'Start your first pipeline:'}</p>
        <div className="canvas-empty-actions">
          <button type="button" className="primary" onClick={() => openDialog('templates')}>
            From a template…
          </button>
          <button type="button" onClick={() => startNaming(true)}>
            Empty pipeline
          </button>
          <ImportButton label="Import a file…" testId="import-file-empty" />
        </div>
        <p className="hint">Or drop a pipeline file (.json, .yaml) anywhere on this window.</p>
      </div>
    </div>
  );
}
