// The export feature's single mount point: an "Export…" button and, when open, the export panel beside the canvas.
import { useApp } from '../store/store-context';
import { ExportDialog } from './ExportDialog';
import './export.css';

export function ExportPanel() {
  const open = useApp((s) => s.exportOpen);
  const hasDocument = useApp((s) => s.document !== null);
  const openExport = useApp((s) => s.openExport);
  return (
    <>
      <button type="button" className="export-open" disabled={!hasDocument} onClick={() => openExport(true)} title="Export to GitHub Actions, GitLab CI, Argo, Kubeflow or Tekton">
        Export…
      </button>
      {open && hasDocument && <ExportDialog />}
    </>
  );
}
