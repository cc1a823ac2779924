// Two versions side by side: every metric with its change, every param with differences highlighted.
import { useApp } from '../store/store-context';
import { formatDelta, formatMetric, formatValue } from './format';
import { changeTone, metricGoal } from '../../../shared/tracking/metric-goal';

export function VersionComparison() {
  const comparison = useApp((s) => s.comparison);
  const close = useApp((s) => s.closeComparison);
  if (!comparison) return null;
  const { a, b } = comparison;
  return (
    <section className="comparison" aria-label={`Comparison of version ${a.version} and version ${b.version}`}>
      <header>
        <h3>
          v{a.version} → v{b.version}
        </h3>
        <button type="button" onClick={close} aria-label="Close comparison">
          ×
        </button>
      </header>
      <table className="data-table" aria-label="Metrics compared">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">v{a.version}</th>
            <th scope="col">v{b.version}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {comparison.metrics.map((m) => {
            const tone = changeTone(m.delta, metricGoal(m.name));
            return (
              <tr key={m.name} data-testid="metric-diff">
                <th scope="row">{m.name}</th>
                <td className="number">{formatMetric(m.a)}</td>
                <td className="number">{formatMetric(m.b)}</td>
                <td className={`number ${tone}`}>{formatDelta(m.delta)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="data-table" aria-label="Params compared">
        <thead>
          <tr>
            <th scope="col">Param</th>
            <th scope="col">v{a.version}</th>
            <th scope="col">v{b.version}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.params.map((p) => (
            <tr key={p.name} className={p.changed ? 'changed' : undefined} data-testid="param-diff" data-changed={p.changed}>
              <th scope="row">{p.name}</th>
              <td>{formatValue(p.a)}</td>
              <td>{formatValue(p.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Data: v{a.version} trained on {a.lineage.dataHashes['training']?.slice(0, 8) ?? '—'}, v{b.version} on{' '}
        {b.lineage.dataHashes['training']?.slice(0, 8) ?? '—'}
        {a.lineage.dataHashes['training'] === b.lineage.dataHashes['training'] ? ' (same data)' : ' (different data)'}.
      </p>
    </section>
  );
}
