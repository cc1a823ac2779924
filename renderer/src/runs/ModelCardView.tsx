// A model folder's card in the run view: what was fitted, on which target and features, with which params, on how
// many rows — MLflow shows a model's signature and params the same way — above the folder's files.
import type { ModelCard } from '../../../shared/runs/run-record';
import { formatDuration } from '../../../shared/runs/run-format';
import { formatParamValue } from '../../../shared/tracking/value-format';

/** Params the card already shows in rows of their own. */
const SHOWN_ELSEWHERE = new Set(['target', 'task', 'features']);

export function ModelCardView({ card }: { card: ModelCard }) {
  const params = Object.entries(card.params)
    .filter(([name]) => !SHOWN_ELSEWHERE.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <dl className="model-card" data-testid="model-card">
      <dt>Model</dt>
      <dd>
        {card.algorithm} ({card.task}) <span className="muted">· {card.library}</span>
      </dd>
      <dt>Predicts</dt>
      <dd>
        {card.target}
        {card.classes && <span className="muted"> · classes {card.classes.join(', ')}</span>}
      </dd>
      <dt>Features</dt>
      <dd title={card.features.map((f) => `${f.name} (${f.kind})`).join(', ')}>
        {card.features.length}: {card.features.map((f) => f.name).join(', ')}
      </dd>
      <dt>Params</dt>
      <dd>{params.length === 0 ? 'defaults' : params.map(([name, value]) => `${name}=${formatParamValue(value)}`).join(', ')}</dd>
      <dt>Trained</dt>
      <dd>
        on {card.training.rows} rows in {formatDuration(card.training.seconds * 1000)}
      </dd>
    </dl>
  );
}
