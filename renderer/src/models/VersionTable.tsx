// The selected model's versions: metrics, lineage back to the run, aliases (set, move, remove), picks for comparison.
import type { ModelVersionRecord } from '../../../shared/api/index';
import { useApp } from '../store/store-context';
import { AliasEditor } from './AliasEditor';
import { formatMetric, formatTime, metricColumns, shortHash } from './format';

export function VersionTable() {
  const versions = useApp((s) => s.modelVersions);
  const picked = useApp((s) => s.comparePick);
  const compareVersions = useApp((s) => s.compareVersions);
  const columns = metricColumns(versions.map((v) => Object.keys(v.metrics)));
  return (
    <div className="versions">
      <div className="versions-actions">
        <span className="hint">Pick two versions to compare.</span>
        <button type="button" disabled={picked.length !== 2} onClick={() => void compareVersions()}>
          Compare {picked.length === 2 ? `v${Math.min(...picked)} and v${Math.max(...picked)}` : 'versions'}
        </button>
      </div>
      <table className="data-table" aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Algorithm</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">Lineage</th>
            <th scope="col">Registered</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <VersionRow key={v.version} version={v} columns={columns} picked={picked.includes(v.version)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionRow({ version: v, columns, picked }: { version: ModelVersionRecord; columns: string[]; picked: boolean }) {
  const togglePick = useApp((s) => s.toggleComparePick);
  const removeAlias = useApp((s) => s.removeModelAlias);
  const openModelRun = useApp((s) => s.openModelRun);
  return (
    <tr data-testid="version-row" data-version={v.version}>
      <td>
        <input type="checkbox" aria-label={`Compare version ${v.version}`} checked={picked} onChange={() => togglePick(v.version)} />
      </td>
      <td>v{v.version}</td>
      <td>
        <span className="aliases">
          {v.aliases.map((alias) => (
            <span key={alias} className="alias-chip" data-testid="alias-chip">
              {alias}
              <button type="button" aria-label={`Remove alias ${alias}`} onClick={() => void removeAlias(alias)}>
                ×
              </button>
            </span>
          ))}
          <AliasEditor version={v.version} />
        </span>
      </td>
      <td>
        {v.algorithm} <span className="muted">({v.task})</span>
      </td>
      {columns.map((c) => (
        <td key={c} className="number">
          {formatMetric(v.metrics[c])}
        </td>
      ))}
      <td>
        <div className="lineage">
          {v.lineage.runId ? (
            <a
              href={`#/runs/${encodeURIComponent(v.lineage.runId)}`}
              data-testid="run-link"
              title={`open run ${v.lineage.runId}`}
              onClick={(e) => {
                e.preventDefault();
                void openModelRun(v.lineage.runId!);
              }}
            >
              run {v.lineage.runId}
            </a>
          ) : (
            <span className="muted">no run</span>
          )}
          {v.lineage.pipelineName && (
            <span className="muted">
              {v.lineage.pipelineName}
              {v.lineage.pipelineRevision !== null && ` r${v.lineage.pipelineRevision}`}
            </span>
          )}
          <span className="muted" title={Object.entries(v.lineage.dataHashes).map(([k, h]) => `${k}: ${h}`).join('\n')}>
            data {shortHash(v.lineage.dataHashes['training'])}
          </span>
        </div>
      </td>
      <td className="nowrap">{formatTime(v.createdAt)}</td>
    </tr>
  );
}
