// The node panel of a run: state, timing, attempts, error, resources (peak memory, CPU time), metrics, the cache
// decision with its key parts (and on a miss, what changed), artifacts and the live log.
import { cacheVerdict, describeParamChange } from '../../../shared/runs/cache-report';
import { formatBytes, formatDuration } from '../../../shared/runs/run-format';
import type { NodeRunState } from '../../../shared/runs/run-state';
import { formatMetricValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { ArtifactsView } from './ArtifactsView';
import { LogViewer } from './LogViewer';
import { MetricCharts } from './MetricCharts';
import { STATE_ICONS, stateLabel } from './run-labels';
import { useNow } from './use-now';

export function NodeRunDetails({ runId, nodeId, node }: { runId: string; nodeId: string; node: NodeRunState }) {
  const logLines = useApp((s) => s.shownRun?.logLines[nodeId] ?? 0);
  // Kept from node to node in the store (Show log sets it): going through the nodes' artifacts is a click per node.
  const tab = useApp((s) => s.runNodeTab);
  const onTab = useApp((s) => s.setRunNodeTab);
  const now = useNow(node.status === 'running');
  const elapsed = node.durationMs ?? (node.startedAt ? now - node.startedAt : undefined);
  return (
    <div className="node-run" data-testid="node-run" data-node={nodeId} data-state={node.status}>
      <header className="node-run-header">
        <span className={`state-chip state-${node.status}`} title={stateLabel(node.status)}>
          {STATE_ICONS[node.status]} {node.status}
        </span>
        <strong>{nodeId}</strong>
        {node.cache?.hit && node.cache.sourceDurationMs !== undefined ? (
          <span className="muted" title="How long the node took in the run whose result the cache reused">
            saved {formatDuration(node.cache.sourceDurationMs)}
          </span>
        ) : (
          elapsed !== undefined && <span className="muted">{formatDuration(elapsed)}</span>
        )}
        {node.attempts > 1 && <span className="muted">attempt {node.attempts}</span>}
        {node.peakRssBytes !== undefined && (
          <span className="muted" data-testid="telemetry">
            peak {formatBytes(node.peakRssBytes)} · cpu {formatDuration(node.cpuMs ?? 0)}
          </span>
        )}
        <nav className="tabs" role="tablist">
          {(['logs', 'details', 'artifacts'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => onTab(t)}>
              {t === 'logs' ? 'Logs' : t === 'details' ? 'Cache & metrics' : 'Artifacts'}
            </button>
          ))}
        </nav>
      </header>
      {node.error && (
        <p className="node-run-error" role="alert">
          {node.error}
        </p>
      )}
      {tab === 'logs' && (node.cached && node.cache?.sourceRunId ? <CachedLogNote sourceRunId={node.cache.sourceRunId} /> : null)}
      {/* A node served from the cache wrote nothing in this run: its log is the note's run's, not an empty view. */}
      {tab === 'logs' && !(node.cached && logLines === 0) && <LogViewer runId={runId} nodeId={nodeId} logLines={logLines} running={node.status === 'running'} />}
      {tab === 'details' && <CacheAndMetrics node={node} />}
      {tab === 'artifacts' && <ArtifactsView runId={runId} nodeId={nodeId} finished={node.status !== 'running' && node.status !== 'queued'} />}
    </div>
  );
}

function CachedLogNote({ sourceRunId }: { sourceRunId: string }) {
  const openRun = useApp((s) => s.openRun);
  return (
    <p className="muted">
      Served from the cache: its outputs come from run{' '}
      <button type="button" className="link" onClick={() => void openRun(sourceRunId)}>
        {sourceRunId}
      </button>
      , where its log is.
    </p>
  );
}

function CacheAndMetrics({ node }: { node: NodeRunState }) {
  const cache = node.cache;
  const metrics = Object.entries(node.metrics);
  return (
    <div className="node-run-details">
      <h4>Metrics</h4>
      {metrics.length === 0 ? (
        <p className="muted">No metrics (a node reports them by writing JSON to $PIPEWRIGHT_METRICS; one object per line with a "step" draws a curve).</p>
      ) : (
        <table className="kv" data-testid="metrics">
          <tbody>
            {metrics.map(([name, value]) => (
              <tr key={name}>
                <th>{name}</th>
                <td title={String(value)}>{formatMetricValue(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MetricCharts series={node.series} />
      <h4>Cache</h4>
      {!cache ? (
        <p className="muted">Decided when the node's inputs are ready.</p>
      ) : (
        <>
          <p data-testid="cache-verdict">{cacheVerdict(cache)}</p>
          <table className="kv">
            <tbody>
              <tr>
                <th>type</th>
                <td>{cache.parts.type}</td>
              </tr>
              <tr className={cache.changed?.includes('params') ? 'changed' : ''}>
                <th>params</th>
                <td>
                  {cache.parts.params}
                  <ChangeList items={cache.changes?.params.map(describeParamChange)} testId="param-changes" />
                </td>
              </tr>
              {Object.entries(cache.parts.inputs).map(([port, hashes]) => (
                <tr key={port} className={cache.changed?.includes(`inputs.${port}`) ? 'changed' : ''}>
                  <th>input {port}</th>
                  <td>{hashes.join(', ')}</td>
                </tr>
              ))}
              {Object.entries(cache.parts.files).map(([file, hash]) => (
                <tr key={file} className={cache.changed?.includes(`files.${file}`) ? 'changed' : ''}>
                  <th>file {file}</th>
                  <td>{hash}</td>
                </tr>
              ))}
              <tr className={cache.changed?.includes('env') ? 'changed' : ''}>
                <th>environment</th>
                <td>
                  {cache.parts.env}
                  <ChangeList items={cache.changes?.env.map((name) => `${name} changed`)} testId="env-changes" />
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted">key {cache.key.slice(0, 16)}…</p>
        </>
      )}
    </div>
  );
}

/** What changed inside a key part, one line each, under its hash. */
function ChangeList({ items, testId }: { items: string[] | undefined; testId: string }) {
  if (!items?.length) return null;
  return (
    <ul className="key-changes" data-testid={testId}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
