// The top of a run's details: status (and why it failed), when and how long, what started it, its parameters and
// metrics, and the way to its DAG, logs and artifacts (the designer's run panel) — what MLflow's run page opens with.
import type { ExperimentRow } from '../../../shared/tracking/experiment-records';
import { formatMetricValue, formatParamValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { cellText } from './table-columns';

export function RunOverview({ run }: { run: ExperimentRow }) {
  const openRun = useApp((s) => s.openRunInDesigner);
  const column = (name: string) => cellText(run, { scope: 'column', name });
  return (
    <section className="run-overview" aria-label="Overview" data-testid="run-overview">
      <dl className="lineage-list">
        <dt>Status</dt>
        <dd className={`status-${run.status}`}>{run.status}</dd>
        <dt>Started</dt>
        <dd>
          {column('started')} by {run.trigger}
        </dd>
        <dt>Duration</dt>
        <dd>{column('duration')}</dd>
        {run.error && (
          <>
            <dt>Why</dt>
            <dd className={`status-${run.status}`} data-testid="run-error">
              {run.error}
            </dd>
          </>
        )}
      </dl>
      <button type="button" onClick={() => void openRun(run.id)} title="The run's DAG as it ran, with every node's logs, metrics and artifacts">
        Open in the designer
      </button>
      <h4>Parameters</h4>
      <NamedValues values={run.params} format={formatParamValue} none="No parameters." testId="run-params" />
      <h4>Metrics</h4>
      <NamedValues values={run.metrics} format={formatMetricValue} none="No metrics." testId="run-metrics" />
    </section>
  );
}

/** Name → value pairs, sorted by name, as a definition list. */
function NamedValues<T>({ values, format, none, testId }: { values: Record<string, T>; format: (value: T) => string; none: string; testId: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">{none}</p>;
  return (
    <dl className="lineage-list" data-testid={testId}>
      {entries.map(([name, value]) => [<dt key={`${name}-name`}>{name}</dt>, <dd key={`${name}-value`}>{format(value)}</dd>])}
    </dl>
  );
}
