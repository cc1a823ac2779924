// Beside the table: the clicked run's overview (status, timing, metrics), note (edited in place), tags (add, remove),
// hide or delete, and its lineage.
import { useEffect, useState } from 'react';
import { formatTags } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { deleteConfirmation } from './delete-confirmation';
import { LineageSummary } from './LineageSummary';
import { RunOverview } from './RunOverview';
import { parseTagInput } from './tag-input';

export function RunDetails() {
  const runId = useApp((s) => s.detailRunId);
  const lineage = useApp((s) => s.runLineage);
  const annotate = useApp((s) => s.annotateRuns);
  const close = useApp((s) => s.showRunDetails);
  const loadLineage = useApp((s) => s.loadLineage);
  const deleteRuns = useApp((s) => s.deleteRuns);
  const askConfirm = useApp((s) => s.askConfirm);
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const run = lineage?.run.id === runId ? lineage?.run : undefined;
  useEffect(() => setNote(run?.note ?? ''), [run?.id, run?.note]);
  if (!runId) return null;
  const save = async (change: Parameters<typeof annotate>[1]) => {
    await annotate([runId], change);
    await loadLineage(runId);
  };
  return (
    <aside className="run-details" aria-label={`Run ${runId}`} data-testid="run-details">
      <header>
        <h3>{runId}</h3>
        <button type="button" className="link-button" aria-label="Close run details" onClick={() => close(null)}>
          ✕
        </button>
      </header>
      {!run || !lineage ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <RunOverview run={run} />
          <label className="note-editor">
            Note
            <textarea value={note} rows={3} onChange={(e) => setNote(e.target.value)} onBlur={() => note !== run.note && void save({ note })} />
          </label>
          <div className="tag-editor" aria-label="Tags">
            {formatTags(run.tags).map((text) => {
              const key = text.split('=')[0]!;
              return (
                <span key={key} className="tag-chip" data-testid="tag-chip">
                  {text}
                  <button type="button" aria-label={`Remove tag ${key}`} onClick={() => void save({ removeTags: [key] })}>
                    ×
                  </button>
                </span>
              );
            })}
            <input
              aria-label="Add tag"
              placeholder="add tag (key or key=value)"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              onKeyDown={(e) => {
                const setTags = e.key === 'Enter' ? parseTagInput(tag) : null;
                if (!setTags) return;
                void save({ setTags });
                setTag('');
              }}
            />
          </div>
          <button type="button" onClick={() => void save({ hidden: !run.hidden })}>
            {run.hidden ? 'Unhide run' : 'Hide run'}
          </button>
          <button type="button" disabled={run.status === 'running'} onClick={() => askConfirm(deleteConfirmation([runId], () => void deleteRuns([runId])))}>
            Delete run…
          </button>
          <h4>Lineage</h4>
          <LineageSummary lineage={lineage} />
        </>
      )}
    </aside>
  );
}
