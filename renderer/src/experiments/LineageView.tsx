// Lineage from a registered model version back to the run that produced it: the run, its pipeline revision,
// params and data hashes, and every model that run registered.
import { useEffect, useState } from 'react';
import { formatMetricValue } from '../../../shared/tracking/value-format';
import { useApp } from '../store/store-context';
import { LineageSummary } from './LineageSummary';

export function LineageView() {
  const models = useApp((s) => s.models);
  const refreshModels = useApp((s) => s.refreshModels);
  const lineage = useApp((s) => s.modelLineage);
  const load = useApp((s) => s.loadModelLineage);
  const [name, setName] = useState('');
  useEffect(() => void refreshModels(), [refreshModels]);
  const model = models.find((m) => m.name === name);
  /** A model chosen shows its latest version at once; another version is one choice away. */
  const choose = (next: string) => {
    setName(next);
    const latest = models.find((m) => m.name === next)?.latestVersion ?? 0;
    if (latest > 0) void load(next, latest);
  };
  // With one registered model there is nothing to choose.
  const only = models.length === 1 ? models[0]!.name : null;
  useEffect(() => {
    if (only && !name) choose(only);
  });
  return (
    <section className="lineage-view" aria-label="Model lineage">
      <div className="history-controls">
        <label>
          Model{' '}
          <select aria-label="Lineage model" value={name} onChange={(e) => choose(e.target.value)}>
            <option value="">choose…</option>
            {models.map((m) => (
              <option key={m.name}>{m.name}</option>
            ))}
          </select>
        </label>
        <label>
          Version{' '}
          <select aria-label="Lineage version" value={lineage?.version.name === name ? lineage.version.version : ''} disabled={!model} onChange={(e) => void load(name, Number(e.target.value))}>
            <option value="">choose…</option>
            {Array.from({ length: model?.latestVersion ?? 0 }, (_, i) => i + 1).map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
      </div>
      {models.length === 0 && <p className="hint">No registered models yet. A pipeline’s deploy.register node adds one.</p>}
      {lineage && lineage.version.name === name && (
        <div className="model-lineage" data-testid="model-lineage">
          <h3>
            {lineage.version.name} v{lineage.version.version}
          </h3>
          <p className="muted">
            {lineage.version.algorithm} · {lineage.version.task} · target {lineage.version.target}
            {Object.entries(lineage.version.metrics)
              .slice(0, 4)
              .map(([k, v]) => ` · ${k} ${formatMetricValue(v)}`)
              .join('')}
          </p>
          <p>
            Training data <code>{lineage.version.lineage.dataHashes['training']?.slice(0, 12) ?? '—'}</code>, evaluation data{' '}
            <code>{lineage.version.lineage.dataHashes['evaluation']?.slice(0, 12) ?? '—'}</code>
          </p>
          {lineage.run ? <LineageSummary lineage={lineage.run} /> : <p className="muted">The run that registered this version is no longer in the history (or it was registered outside a run).</p>}
        </div>
      )}
    </section>
  );
}
