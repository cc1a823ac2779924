// Switches the workspace between the pipeline canvas and the Models view (registry and deployments).
import { useApp } from '../store/store-context';

export function ViewTabs() {
  const modelsOpen = useApp((s) => s.modelsOpen);
  const setModelsOpen = useApp((s) => s.setModelsOpen);
  return (
    <nav className="view-tabs" role="tablist" aria-label="Views">
      <button type="button" role="tab" aria-selected={!modelsOpen} onClick={() => setModelsOpen(false)}>
        Designer
      </button>
      <button type="button" role="tab" aria-selected={modelsOpen} onClick={() => setModelsOpen(true)}>
        Models
      </button>
    </nav>
  );
}
