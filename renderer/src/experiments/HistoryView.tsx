// A metric across the runs of one pipeline (x = run start time or pipeline revision), regressions marked: the run
// whose value fell behind the best before it.
import { useEffect, useMemo } from 'react';
import { historyOption, type HistoryAxis } from '../../../shared/tracking/charts/history.chart';
import { formatMetricValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { EChart } from '../components/EChart';
import { defaultHistoryChoice } from './default-history-choice';

export function HistoryView() {
  const columns = useApp((s) => s.columnsAvailable);
  const choice = useApp((s) => s.historyChoice);
  const history = useApp((s) => s.metricHistory);
  const choose = useApp((s) => s.chooseHistory);
  const showDetails = useApp((s) => s.showRunDetails);
  const shownRun = useApp((s) => (s.detailRunId && s.runLineage?.run.id === s.detailRunId ? s.runLineage.run : undefined));
  // Nothing chosen yet: start from the run whose details are open (or the only pipeline), not from two empty lists.
  useEffect(() => {
    const start = choice ? null : defaultHistoryChoice(columns, shownRun);
    if (start) void choose(start);
  }, [choice, columns, shownRun, choose]);
  const current = choice ?? { pipelineName: columns.pipelines[0] ?? '', metric: columns.metrics[0] ?? '', axis: 'time' as HistoryAxis };
  const option = useMemo(() => (history && choice ? historyOption(history, choice.axis) : null), [history, choice]);
  const change = (part: Partial<typeof current>) => {
    const next = { ...current, ...part };
    if (next.pipelineName && next.metric) void choose(next);
  };
  const regressions = history?.points.filter((p) => p.regression) ?? [];
  return (
    <section className="history-view" aria-label="Metric history">
      <div className="history-controls">
        <label>
          Pipeline{' '}
          <select aria-label="History pipeline" value={choice?.pipelineName ?? ''} onChange={(e) => change({ pipelineName: e.target.value })}>
            <option value="" disabled>
              choose…
            </option>
            {columns.pipelines.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Metric{' '}
          <select aria-label="History metric" value={choice?.metric ?? ''} onChange={(e) => change({ metric: e.target.value })}>
            <option value="" disabled>
              choose…
            </option>
            {columns.metrics.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <fieldset className="axis-choice">
          <legend>x axis</legend>
          {(['time', 'revision'] as const).map((axis) => (
            <label key={axis}>
              <input type="radio" name="history-axis" checked={current.axis === axis} onChange={() => change({ axis })} /> {axis === 'time' ? 'run time' : 'revision'}
            </label>
          ))}
        </fieldset>
      </div>
      {!history || !option ? (
        <p className="hint">Choose a pipeline and a metric.</p>
      ) : history.points.length === 0 ? (
        <p className="hint">No run of {history.pipelineName} reported {history.metric}.</p>
      ) : (
        <>
          <EChart option={option} height={340} label={`${history.metric} history`} testId="history-chart" />
          <p data-testid="regression-count">
            {history.goal === null
              ? `${history.metric} counts or names something; it is not a score, so no run is a regression.`
              : regressions.length === 0
                ? 'No regressions.'
                : `${regressions.length} regression${regressions.length === 1 ? '' : 's'}:`}
          </p>
          <ul className="regressions">
            {regressions.map((p) => (
              <li key={p.runId}>
                <button type="button" className="link-button" onClick={() => showDetails(p.runId)}>
                  {p.runId}
                </button>{' '}
                {history.metric} {formatMetricValue(p.value)} (best before: {formatMetricValue(p.bestBefore)}){p.revision !== null ? `, revision ${p.revision}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
