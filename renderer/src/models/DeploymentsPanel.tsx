// Local prediction servers started by deploy.serve: status, URL, model; stop one or all.
import { useApp } from '../store/store-context';
import { formatTime } from './format';

export function DeploymentsPanel() {
  const deployments = useApp((s) => s.deployments);
  const stop = useApp((s) => s.stopDeployment);
  const stopAll = useApp((s) => s.stopAllDeployments);
  const askConfirm = useApp((s) => s.askConfirm);
  const running = deployments.filter((d) => d.status === 'running');
  return (
    <section className="deployments" aria-label="Deployments">
      <header>
        <h2>Deployments</h2>
        <span className="muted">{running.length} running</span>
        <button
          type="button"
          disabled={running.length === 0}
          onClick={() => askConfirm({ title: 'Stop every deployment?', body: `${running.length} prediction server(s) will stop answering.`, confirmLabel: 'Stop all', onConfirm: () => void stopAll() })}
        >
          Stop all
        </button>
      </header>
      {deployments.length === 0 ? (
        <p className="hint">Nothing deployed. A pipeline’s deploy.serve node starts a local prediction server.</p>
      ) : (
        <table className="data-table" aria-label="Deployments list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Started</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {deployments.map((d) => (
              <tr key={d.id} data-testid="deployment-row" data-status={d.status}>
                <td>
                  {d.name} <span className="muted">{d.id}</span>
                </td>
                <td>{d.modelName ? `${d.modelName} v${d.modelVersion}` : '—'}</td>
                <td>
                  <span className={`status status-${d.status}`}>{d.status}</span>
                </td>
                <td>{d.status === 'running' ? <code>POST {d.url}/predict</code> : <span className="muted">—</span>}</td>
                <td className="nowrap">{formatTime(d.startedAt)}</td>
                <td>
                  {d.status === 'running' && (
                    <button type="button" aria-label={`Stop ${d.name}`} onClick={() => void stop(d.id)}>
                      Stop
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
