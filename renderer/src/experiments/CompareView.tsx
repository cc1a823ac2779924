// Two or more runs side by side: the best run (by a chosen metric) highlighted, params with differences, metrics
// with deltas, charts (metric bars, overlaid ROC curves, confusion matrices, node durations and memory), per-node
// figures, and the graph diff of the revisions they ran. Exports the same as a self-contained HTML report.
import { useMemo, useState, type ReactNode } from 'react';
import { formatBytes, formatDuration } from '../../../shared/runs/run-format';
import { changeTone, goalArrow } from '../../../shared/tracking/metric-goal';
import { runColour, runLabel } from '../../../shared/tracking/charts/chart-style';
import { comparisonCharts } from '../../../shared/tracking/charts/comparison.charts';
import type { RunComparison } from '../../../shared/tracking/experiment-records';
import { formatMetricDelta, formatMetricValue, formatParamValue, formatTags } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { EChart } from '../components/EChart';
import { RevisionDiffs } from './RevisionDiffs';

export function CompareView() {
  const comparison = useApp((s) => s.runComparison);
  const compareRuns = useApp((s) => s.compareRuns);
  const exportReport = useApp((s) => s.exportReport);
  const charts = useMemo(() => (comparison ? comparisonCharts(comparison) : []), [comparison]);
  // As MLflow's "Show diff only": params and metrics every run has the same value of are left out.
  const [differencesOnly, setDifferencesOnly] = useState(false);
  if (!comparison) return <p className="hint">Select two or more runs in the Runs tab (or a sweep) and press Compare.</p>;
  const ids = comparison.runs.map((r) => r.id);
  return (
    <section className="compare-view" aria-label="Comparison" data-testid="compare-view">
      <header className="compare-header">
        <h2>Comparing {ids.length} runs</h2>
        <label>
          Best by{' '}
          <select aria-label="Best by metric" value={comparison.primaryMetric ?? ''} onChange={(e) => void compareRuns(ids, e.target.value || null)}>
            {comparison.metrics
              .filter((m) => m.goal !== null || m.name === comparison.primaryMetric)
              .map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} ({m.goal === null ? 'not a score' : `${m.goal === 'max' ? 'higher' : 'lower'} is better`})
                </option>
              ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.target.checked)} /> Differences only
        </label>
        <button type="button" onClick={() => void exportReport(ids)}>
          Export HTML report
        </button>
      </header>
      <RunsSummary comparison={comparison} />
      <h3>Parameters</h3>
      <ParamsTable comparison={comparison} differencesOnly={differencesOnly} />
      <h3>Metrics</h3>
      <MetricsTable comparison={comparison} differencesOnly={differencesOnly} />
      <h3>Charts</h3>
      <div className="chart-grid">
        {charts.map((chart) => (
          <EChart key={chart.key} option={chart.option} height={chart.height} label={chart.key} testId={`chart-${chart.key}`} />
        ))}
      </div>
      <h3>Nodes</h3>
      <NodesTable comparison={comparison} />
      <h3>Pipeline revisions</h3>
      <RevisionDiffs diffs={comparison.revisionDiffs} />
    </section>
  );
}

function RunHeader({ comparison }: { comparison: RunComparison }) {
  return (
    <>
        {comparison.runs.map((r, i) => (
          <th key={r.id} scope="col" className="number">
            <span className="run-swatch" style={{ background: runColour(i) }} /> {runLabel(r.id)}
          </th>
        ))}
    </>
  );
}

function RunsSummary({ comparison }: { comparison: RunComparison }) {
  return (
    <table className="data-table" aria-label="Compared runs">
      <tbody>
        {comparison.runs.map((r, i) => {
          const best = r.id === comparison.bestRunId;
          return (
            <tr key={r.id} className={best ? 'best-run' : ''} data-testid="compared-run" data-run={r.id} data-best={best}>
              <th scope="row">
                <span className="run-swatch" style={{ background: runColour(i) }} /> {r.id}
                {best && <span className="best-badge"> ★ best by {comparison.primaryMetric}</span>}
              </th>
              <td>{r.pipelineRevision === null ? r.pipelineName : `${r.pipelineName} r${r.pipelineRevision}`}</td>
              <td className={`status-${r.status}`}>{r.status}</td>
              <td>{r.durationMs === null ? '—' : formatDuration(r.durationMs)}</td>
              <td>{formatTags(r.tags).join(', ')}</td>
              <td>{r.note}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface RowsProps {
  comparison: RunComparison;
  differencesOnly: boolean;
}

/** The rows to show, and a line saying how many equal ones are left out. */
function shownRows<T extends { differs: boolean }>(rows: readonly T[], differencesOnly: boolean): { shown: readonly T[]; hiddenNote: string | null } {
  if (!differencesOnly) return { shown: rows, hiddenNote: null };
  const shown = rows.filter((r) => r.differs);
  const hidden = rows.length - shown.length;
  return { shown, hiddenNote: hidden === 0 ? null : `${hidden} with the same value in every run left out.` };
}

/** A table with a column per compared run (its `heading` column first), and a note about rows left out under it. */
function ByRunTable({ label, heading, comparison, hiddenNote = null, children }: { label: string; heading: string; comparison: RunComparison; hiddenNote?: string | null; children: ReactNode }) {
  return (
    <>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <RunHeader comparison={comparison} />
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {hiddenNote && <p className="muted">{hiddenNote}</p>}
    </>
  );
}

function ParamsTable({ comparison, differencesOnly }: RowsProps) {
  if (comparison.params.length === 0) return <p className="muted">No parameters.</p>;
  const { shown, hiddenNote } = shownRows(comparison.params, differencesOnly);
  return (
    <ByRunTable label="Parameters" heading="Parameter" comparison={comparison} hiddenNote={hiddenNote}>
      {shown.map((p) => (
        <tr key={p.name} className={p.differs ? 'changed' : ''} data-testid="param-row" data-differs={p.differs}>
          <th scope="row">{p.name}</th>
          {p.values.map((v, i) => (
            <td key={i} className="number">
              {formatParamValue(v)}
            </td>
          ))}
        </tr>
      ))}
    </ByRunTable>
  );
}

function MetricsTable({ comparison, differencesOnly }: RowsProps) {
  if (comparison.metrics.length === 0) return <p className="muted">No metrics.</p>;
  const { shown, hiddenNote } = shownRows(comparison.metrics, differencesOnly);
  return (
    <ByRunTable label="Metrics" heading="Metric" comparison={comparison} hiddenNote={hiddenNote}>
      {shown.map((m) => (
        <tr key={m.name} data-testid="metric-row" data-metric={m.name}>
          <th scope="row">
            {m.name} {m.goal && <span className="muted">{goalArrow(m.goal)}</span>}
          </th>
          {m.values.map((v, i) => {
            const delta = m.deltas[i] ?? null;
            const tone = i === 0 ? '' : changeTone(delta, m.goal);
            return (
              <td key={i} className={`number${i === m.best ? ' best-cell' : ''}`} data-best={i === m.best}>
                {formatMetricValue(v)}
                {i > 0 && <span className={`delta ${tone}`}> {formatMetricDelta(delta)}</span>}
              </td>
            );
          })}
        </tr>
      ))}
    </ByRunTable>
  );
}

function NodesTable({ comparison }: { comparison: RunComparison }) {
  return (
    <ByRunTable label="Nodes" heading="Node" comparison={comparison}>
      {comparison.nodes.map((n) => (
        <tr key={n.nodeId}>
          <th scope="row">{n.nodeId}</th>
          {n.status.map((status, i) => (
            <td key={i} className="number">
              {status ?? '—'}
              {n.durationMs[i] !== null && ` · ${formatDuration(n.durationMs[i]!)}`}
              {n.peakRssBytes[i] !== null && ` · ${formatBytes(n.peakRssBytes[i]!)}`}
            </td>
          ))}
        </tr>
      ))}
    </ByRunTable>
  );
}
