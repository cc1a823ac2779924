// The run history of the open pipeline: status, trigger, start, duration, params; a click opens the run, and a
// finished run can be deleted from its row (after confirming).
import { formatCounts, formatDuration } from '../../../shared/runs/run-format';
import { deleteConfirmation } from '../experiments/delete-confirmation';
import { useApp } from '../store/store-context';
import { STATE_ICONS } from './run-labels';

export function RunsList() {
  const runs = useApp((s) => s.runs);
  const shown = useApp((s) => s.shownRun?.runId);
  const openRun = useApp((s) => s.openRun);
  const deleteRuns = useApp((s) => s.deleteRuns);
  const askConfirm = useApp((s) => s.askConfirm);
  if (runs.length === 0) return <p className="muted runs-empty">No runs yet. Press Run (Ctrl/Cmd+Enter).</p>;
  return (
    <table className="runs-list" data-testid="runs-list">
      <thead>
        <tr>
          <th>status</th>
          <th>started</th>
          <th>duration</th>
          <th className="runs-optional">trigger</th>
          <th className="runs-optional">revision</th>
          <th>params</th>
          <th className="runs-optional">nodes</th>
          <th aria-label="actions" />
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={r.id === shown ? 'shown' : ''} onClick={() => void openRun(r.id)} data-testid="run-row" data-status={r.status}>
            <td>
              <button type="button" className={`state-chip state-${r.status}`} aria-label={`Open run ${r.id} (${r.status})`} title={r.error ?? undefined}>
                {STATE_ICONS[r.status]} {r.status}
              </button>
            </td>
            <td title={r.id}>{new Date(r.startedAt).toLocaleString()}</td>
            <td>{r.durationMs === null ? '…' : formatDuration(r.durationMs)}</td>
            <td className="runs-optional">{r.trigger}</td>
            <td className="runs-optional">{r.pipelineRevision ?? '—'}</td>
            <td className="runs-params" title={paramsText(r.params)}>
              {paramsText(r.params)}
            </td>
            <td className="runs-optional">{formatCounts(r.counts)}</td>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={`Delete run ${r.id}`}
                title={r.status === 'running' ? 'Cancel the run first' : 'Delete this run, its logs and outputs'}
                disabled={r.status === 'running'}
                onClick={(e) => {
                  e.stopPropagation();
                  askConfirm(deleteConfirmation([r.id], () => void deleteRuns([r.id])));
                }}
              >
                Delete…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A run's params as `k=v` words (the cell cuts them short; its tooltip shows them whole). */
function paramsText(params: Record<string, unknown>): string {
  return (
    Object.entries(params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ') || '—'
  );
}
