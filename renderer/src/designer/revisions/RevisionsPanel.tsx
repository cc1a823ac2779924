// The History tab: every stored revision of the open pipeline (newest first) with why it exists; restore any of them.
import { useEffect, useState } from 'react';
import type { RevisionSummary } from '../../../../shared/api/index';
import { useApi } from '../../api/api-context';
import { failureText } from '../../store/pipelines.slice';
import { useApp } from '../../store/store-context';

export function RevisionsPanel() {
  const api = useApi();
  const openId = useApp((s) => s.openId);
  const revision = useApp((s) => s.revision);
  const restoreRevision = useApp((s) => s.restoreRevision);
  const askConfirm = useApp((s) => s.askConfirm);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!openId) return;
    let current = true;
    api.invoke('pipeline.revisions', { id: openId }).then(
      (list) => current && (setRevisions(list), setError(null)),
      (e: unknown) => current && setError(failureText(e)),
    );
    return () => {
      current = false;
    };
  }, [api, openId, revision]);
  if (!openId) return <p className="hint">No pipeline open.</p>;
  if (error) return <p className="field-error">Could not load the history: {error}</p>;
  if (!revisions) return <p className="hint">Loading history…</p>;
  return (
    <ol className="revisions-list" aria-label="Revisions" data-testid="revisions-list">
      {revisions.map((r) => (
        <li key={r.revision} data-revision={r.revision}>
          <span className="revision-number">r{r.revision}</span>
          <span className="revision-reason">{r.reason}</span>
          <span className="revision-meta">
            {new Date(r.createdAt).toLocaleString()} · {r.nodeCount} node{r.nodeCount === 1 ? '' : 's'}
          </span>
          {r.revision === revision ? (
            <span className="revision-current">current</span>
          ) : (
            <button
              type="button"
              aria-label={`Restore revision ${r.revision}`}
              onClick={() =>
                askConfirm({
                  title: `Restore revision ${r.revision}?`,
                  body: `The pipeline goes back to how it was at revision ${r.revision} (${r.nodeCount} nodes). Nothing is lost: this becomes a new revision, and Undo brings back the current one.`,
                  confirmLabel: 'Restore',
                  onConfirm: () => void restoreRevision(r.revision),
                })
              }
            >
              Restore
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
