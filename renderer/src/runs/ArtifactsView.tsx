// A node's output artifacts in a run: size and hash, a preview (CSV rows, JSON, text, image, folder listing; an
// evaluation report's charts; a profile, validation or drift report's tables; a model's card) and a download link in
// the web mode.
import { useEffect, useMemo, useState } from 'react';
import { formatBytes } from '../../../shared/runs/run-format';
import type { ArtifactInfo, ArtifactPreview } from '../../../shared/runs/run-record';
import { useApp } from '../store/store-context';
import { ModelCardView } from './ModelCardView';
import { ProfileTable } from './ProfileTable';
import { ReportCharts } from './ReportCharts';
import { ReportTables } from './ReportTables';

export function ArtifactsView({ runId, nodeId, finished }: { runId: string; nodeId: string; finished: boolean }) {
  const loadArtifacts = useApp((s) => s.loadArtifacts);
  const [artifacts, setArtifacts] = useState<ArtifactInfo[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadArtifacts(nodeId).then((list) => live && setArtifacts(list));
    return () => {
      live = false;
    };
  }, [loadArtifacts, runId, nodeId, finished]);
  if (artifacts === null) return <p className="muted">Loading…</p>;
  if (artifacts.length === 0) return <p className="muted">{finished ? 'This node produced no artifacts.' : 'Artifacts appear when the node succeeds.'}</p>;
  return (
    <ul className="artifact-list">
      {artifacts.map((a) => (
        <li key={a.port} data-testid={`artifact-${a.port}`}>
          <ArtifactItem runId={runId} artifact={a} />
        </li>
      ))}
    </ul>
  );
}

function ArtifactItem({ runId, artifact }: { runId: string; artifact: ArtifactInfo }) {
  const previewArtifact = useApp((s) => s.previewArtifact);
  const [preview, setPreview] = useState<ArtifactPreview | null>(null);
  useEffect(() => {
    let live = true;
    void previewArtifact(artifact.nodeId, artifact.port).then((p) => live && p && setPreview(p));
    return () => {
      live = false;
    };
  }, [previewArtifact, artifact]);
  // A JSON preview is parsed once here for the charts and tables of the reports nodes write (the engine wrote it with
  // JSON.stringify).
  const report = useMemo(() => (preview?.kind === 'json' ? (JSON.parse(preview.text) as unknown) : undefined), [preview]);
  const href = `/api/runs/${encodeURIComponent(runId)}/artifacts/${encodeURIComponent(artifact.nodeId)}/${encodeURIComponent(artifact.port)}`;
  return (
    <>
      <header className="artifact-header">
        <strong>{artifact.port}</strong> <span className="muted">{artifact.type}</span>
        <span className="muted">
          {formatBytes(artifact.size)} · {artifact.kind} · sha256 {artifact.hash.slice(0, 12)}
        </span>
        {!window.pipewright && artifact.kind === 'file' && (
          <a href={href} download={artifact.fileName}>
            Download
          </a>
        )}
      </header>
      {report !== undefined && artifact.type === 'metrics' && <ReportCharts runId={runId} nodeId={artifact.nodeId} report={report} />}
      {report !== undefined && artifact.type === 'report' && (
        <>
          <ProfileTable report={report} />
          <ReportTables report={report} />
        </>
      )}
      {preview && <PreviewBody preview={preview} folderHref={href} />}
    </>
  );
}

function PreviewBody({ preview, folderHref }: { preview: ArtifactPreview; folderHref: string }) {
  switch (preview.kind) {
    case 'table':
      return (
        <div className="artifact-table-wrap">
          <table className="artifact-table">
            <thead>
              <tr>
                {preview.columns.map((c, i) => (
                  <th key={i}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.truncated && <p className="muted">First {preview.rows.length} rows.</p>}
        </div>
      );
    case 'json':
    case 'text':
      return (
        <pre className="artifact-text">
          {preview.text}
          {preview.truncated && '\n…'}
        </pre>
      );
    case 'image':
      return <img className="artifact-image" src={preview.dataUrl} alt="artifact preview" />;
    case 'directory':
      return (
        <>
          {preview.model && <ModelCardView card={preview.model} />}
          <ul className="artifact-files">
            {preview.entries.map((e) => (
              <li key={e.path}>
                {window.pipewright ? e.path : <a href={`${folderHref}/${e.path.split('/').map(encodeURIComponent).join('/')}`}>{e.path}</a>} <span className="muted">{formatBytes(e.size)}</span>
              </li>
            ))}
            {preview.truncated && <li className="muted">…</li>}
          </ul>
        </>
      );
    case 'binary':
      return <p className="muted">Binary file ({formatBytes(preview.size)}).</p>;
  }
}
