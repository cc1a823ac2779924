// Sweeps: the list with progress, a form to start one, and the selected sweep — parallel coordinates of the swept
// params against a metric, and its runs with the best one highlighted.
import { useEffect, useMemo, useState } from 'react';
import { sweepParallelOption } from '../../../shared/tracking/charts/sweep.chart';
import type { SweepRecord } from '../../../shared/tracking/experiment-records';
import { bestRunBy, metricGoal } from '../../../shared/tracking/metric-goal';
import { formatMetricValue, formatParamValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { EChart } from '../components/EChart';
import { SweepForm } from './SweepForm';

export function SweepsView() {
  const sweeps = useApp((s) => s.sweeps);
  const selected = useApp((s) => s.selectedSweep);
  const select = useApp((s) => s.selectSweep);
  const watch = useApp((s) => s.watchSweeps);
  useEffect(() => watch(), [watch]);
  // The view opens on the newest sweep (one started from a terminal included) rather than on an empty pane.
  const newest = sweeps[0]?.id;
  useEffect(() => {
    if (!selected && newest) void select(newest);
  }, [selected, newest, select]);
  return (
    <div className="sweeps-view">
      <div className="sweeps-side">
        <SweepForm />
        <h3>Sweeps</h3>
        <ul className="sweep-list">
          {sweeps.map((s) => (
            <li key={s.id}>
              <button type="button" className={`sweep-item${selected?.id === s.id ? ' selected' : ''}`} onClick={() => void select(s.id)} data-testid="sweep-item">
                <span>{s.pipelineName}</span>
                <span className="muted">
                  {s.spec.axes.map((a) => a.name).join(', ')} · {s.done}/{s.total} · {s.status}
                </span>
              </button>
            </li>
          ))}
          {sweeps.length === 0 && <li className="muted">No sweeps yet.</li>}
        </ul>
      </div>
      {selected ? <SweepDetail sweep={selected} /> : <p className="hint">Start a sweep: its runs, their params against a metric, and the best one show here.</p>}
    </div>
  );
}

function SweepDetail({ sweep }: { sweep: SweepRecord }) {
  const compare = useApp((s) => s.compareRuns);
  const cancel = useApp((s) => s.cancelSweep);
  const showDetails = useApp((s) => s.showRunDetails);
  // The sweep's own metric unless the user plots another one the runs report.
  const [chosen, setChosen] = useState<string | null>(null);
  const reported = [...new Set(sweep.runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const metric = chosen && reported.includes(chosen) ? chosen : sweep.metric;
  const goal = metric === sweep.metric ? sweep.goal : metricGoal(metric ?? '');
  const bestRunId = metric === sweep.metric ? sweep.bestRunId : metric && goal ? bestRunBy(sweep.runs, metric, goal) : null;
  const option = useMemo(() => (metric ? sweepParallelOption(sweep, metric, bestRunId) : null), [sweep, metric, bestRunId]);
  const done = sweep.runs.filter((r) => r.status !== 'pending' && r.status !== 'running').length;
  const finished = sweep.runs.filter((r) => r.runId && r.status !== 'pending' && r.status !== 'running' && r.status !== 'deleted').map((r) => r.runId!);
  const names = sweep.spec.axes.map((a) => a.name);
  return (
    <section className="sweep-detail" aria-label={`Sweep ${sweep.id}`} data-testid="sweep-detail" data-status={sweep.status}>
      <header className="compare-header">
        <h2>
          {sweep.pipelineName} sweep <span className="muted">{sweep.id}</span>
        </h2>
        <progress max={sweep.runs.length} value={done} aria-label="Sweep progress" />
        <span data-testid="sweep-progress">
          {done}/{sweep.runs.length} runs · {sweep.status}
        </span>
        {sweep.status === 'running' && (
          <button type="button" onClick={() => void cancel(sweep.id)}>
            Cancel sweep
          </button>
        )}
        <button type="button" disabled={finished.length < 2} onClick={() => void compare(finished.slice(0, 50), metric)}>
          Compare runs
        </button>
      </header>
      {metric && (
        <p className="sweep-best-line">
          Best by{' '}
          <select aria-label="Sweep metric" value={metric} onChange={(e) => setChosen(e.target.value)}>
            {reported.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>{' '}
          ({goal === null ? 'not a score' : goal === 'max' ? 'highest' : 'lowest'}): <strong data-testid="sweep-best">{bestRunId ?? '—'}</strong>
        </p>
      )}
      {option && <EChart option={option} height={320} label={`${metric} by ${names.join(', ')}`} testId="sweep-chart" />}
      <table className="data-table" aria-label="Sweep runs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Run</th>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
            <th scope="col">Status</th>
            {metric && <th scope="col">{metric}</th>}
          </tr>
        </thead>
        <tbody>
          {sweep.runs.map((r) => {
            const best = r.runId !== null && r.runId === bestRunId;
            return (
              <tr key={r.position} className={best ? 'best-run' : ''} data-testid="sweep-run" data-best={best} data-status={r.status}>
                <td>{r.position + 1}</td>
                <td>
                  {r.runId && r.status !== 'deleted' ? (
                    <button type="button" className="link-button" onClick={() => showDetails(r.runId)}>
                      {r.runId}
                    </button>
                  ) : (
                    (r.runId ?? '—')
                  )}
                  {best && ' ★'}
                </td>
                {names.map((n) => (
                  <td key={n}>{formatParamValue(r.params[n])}</td>
                ))}
                <td className={`status-${r.status}`}>{r.status}</td>
                {metric && <td className="number">{formatMetricValue(r.metrics[metric])}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
