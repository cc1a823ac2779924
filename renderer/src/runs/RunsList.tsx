// The run history of the open pipeline: status, trigger, start, duration, params; a click opens the run.
import { formatCounts, formatDuration } from '../../../shared/runs/run-format';
import { useApp } from '../store/store-context';
import { STATE_ICONS } from './run-labels';

export function RunsList() {
  const runs = useApp((s) => s.runs);
  const shown = useApp((s) => s.shownRun?.runId);
  const openRun = useApp((s) => s.openRun);
  if (runs.length === 0) return <p className="muted runs-empty">No runs yet. Press Run (Ctrl/Cmd+Enter).</p>;
  return (
    <table className="runs-list" data-testid="runs-list">
      <thead>
        <tr>
          <th>status</th>
          <th>started</th>
          <th>duration</th>
          <th>trigger</th>
          <th>revision</th>
          <th>params</th>
          <th>nodes</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={r.id === shown ? 'shown' : ''} onClick={() => void openRun(r.id)} data-testid="run-row" data-status={r.status}>
            <td>
              <button type="button" className={`state-chip state-${r.status}`} aria-label={`Open run ${r.id} (${r.status})`}>
                {STATE_ICONS[r.status]} {r.status}
              </button>
            </td>
            <td title={r.id}>{new Date(r.startedAt).toLocaleString()}</td>
            <td>{r.durationMs === null ? '…' : formatDuration(r.durationMs)}</td>
            <td>{r.trigger}</td>
            <td>{r.pipelineRevision ?? '—'}</td>
            <td className="runs-params">
              {Object.entries(r.params)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(' ') || '—'}
            </td>
            <td>{formatCounts(r.counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
