// The registered models: name, version count and aliases; selecting one shows its versions.
import { useApp } from '../store/store-context';

export function ModelList() {
  const models = useApp((s) => s.models);
  const selected = useApp((s) => s.selectedModel);
  const selectModel = useApp((s) => s.selectModel);
  return (
    <nav className="model-list" aria-label="Registered models">
      <h2>Models</h2>
      <ul>
        {models.map((m) => (
          <li key={m.name}>
            <button
              type="button"
              className={m.name === selected ? 'model-item selected' : 'model-item'}
              aria-current={m.name === selected ? 'true' : undefined}
              data-testid="model-item"
              onClick={() => void selectModel(m.name)}
            >
              <span className="model-name">{m.name}</span>
              <span className="model-meta">
                {m.versionCount} version{m.versionCount === 1 ? '' : 's'}
                {Object.entries(m.aliases).map(([alias, version]) => ` · ${alias}: v${version}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
