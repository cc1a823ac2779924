// The export panel: target and options, the capability lint, and a live read-only YAML preview with copy and save.
// It sits beside the canvas (not modal) so the nodes a problem names stay visible while they are highlighted.
import { useEffect, useState } from 'react';
import { useApp } from '../store/store-context';
import { useCanvasHighlight } from './canvas-highlight';
import { ExportOptionsForm } from './ExportOptionsForm';
import { ExportProblems } from './ExportProblems';
import { YamlPreview } from './YamlPreview';

/** Options and document changes are coalesced for this long before a new preview is requested. */
const PREVIEW_DELAY_MS = 200;

export function ExportDialog() {
  const document = useApp((s) => s.document);
  const options = useApp((s) => s.exportOptions);
  const preview = useApp((s) => s.exportPreview);
  const status = useApp((s) => s.exportStatus);
  const error = useApp((s) => s.exportError);
  const focusNodeId = useApp((s) => s.exportFocusNodeId);
  const refresh = useApp((s) => s.refreshExportPreview);
  const close = useApp((s) => s.openExport);
  const save = useApp((s) => s.saveExportFiles);
  const showToast = useApp((s) => s.showToast);
  const [fileIndex, setFileIndex] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document, options, refresh]);
  useCanvasHighlight(preview?.problems ?? [], focusNodeId);

  const files = preview?.files ?? [];
  const file = files[Math.min(fileIndex, files.length - 1)];
  const copy = async () => {
    if (!file) return;
    await navigator.clipboard.writeText(file.content);
    showToast('info', `Copied ${file.path}`);
  };

  return (
    <aside className="export-dialog" role="dialog" aria-modal="false" aria-labelledby="export-title" onKeyDown={(e) => e.key === 'Escape' && close(false)}>
      <header className="export-header">
        <h2 id="export-title">Export “{document?.name}”</h2>
        <button type="button" aria-label="Close export" onClick={() => close(false)}>
          ×
        </button>
      </header>
      <ExportOptionsForm defaultRunnerImage={preview?.defaultRunnerImage ?? ''} />
      <ExportProblems problems={preview?.problems ?? []} />
      {status === 'error' && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
      <div className="export-files" role="tablist" aria-label="Exported files">
        {files.map((f, i) => (
          <button key={f.path} type="button" role="tab" aria-selected={f === file} onClick={() => setFileIndex(i)}>
            {f.path}
          </button>
        ))}
        {status === 'loading' && <span className="export-busy">updating…</span>}
      </div>
      {file ? (
        <YamlPreview path={file.path} text={file.content} />
      ) : (
        <p className="export-empty" data-testid="export-blocked">
          {preview ? 'Nothing to export until the errors above are fixed.' : 'Preparing the preview…'}
        </p>
      )}
      <footer className="export-actions">
        <button type="button" onClick={() => void copy()} disabled={!file}>
          Copy to clipboard
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={files.length === 0}>
          Save…
        </button>
      </footer>
    </aside>
  );
}
