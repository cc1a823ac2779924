// What a run ran and produced: pipeline revision, params, content hashes of its datasets, the model versions it
// registered — the lineage shown beside a run and under a model version.
import type { RunLineage } from '../../../shared/tracking/experiment-records';
import { formatMetricValue, formatParamValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';

export function LineageSummary({ lineage }: { lineage: RunLineage }) {
  const openRun = useApp((s) => s.openRunInDesigner);
  const { run } = lineage;
  return (
    <dl className="lineage-list" data-testid="lineage">
      <dt>Run</dt>
      <dd>
        <button type="button" className="link-button" onClick={() => void openRun(run.id)} title="Open the pipeline with this run in the designer">
          {run.id}
        </button>
      </dd>
      <dt>Pipeline</dt>
      <dd data-testid="lineage-revision">
        {run.pipelineName}
        {run.pipelineRevision === null ? ' (from a file)' : ` revision ${run.pipelineRevision}`}
      </dd>
      <dt>Params</dt>
      <dd>{Object.keys(run.params).length === 0 ? '—' : Object.entries(run.params).map(([k, v]) => `${k}=${formatParamValue(v)}`).join(', ')}</dd>
      <dt>Data</dt>
      <dd>
        <ul className="hash-list">
          {Object.entries(lineage.dataHashes).map(([artifact, hash]) => (
            <li key={artifact}>
              {artifact} <code title={hash}>{hash.slice(0, 12)}</code>
            </li>
          ))}
          {Object.keys(lineage.dataHashes).length === 0 && <li className="muted">no datasets</li>}
        </ul>
      </dd>
      <dt>Models</dt>
      <dd data-testid="lineage-models">
        {lineage.models.length === 0
          ? 'none registered'
          : lineage.models.map((m) => (
              <div key={`${m.name}@${m.version}`}>
                {m.name} v{m.version}
                {m.aliases.length > 0 ? ` (${m.aliases.join(', ')})` : ''}
                {m.metrics['accuracy'] !== undefined ? ` · accuracy ${formatMetricValue(m.metrics['accuracy'])}` : ''}
              </div>
            ))}
      </dd>
    </dl>
  );
}
