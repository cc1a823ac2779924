// The Models view: registered models on the left, the selected model's versions (metrics, lineage, aliases) and a
// two-version comparison on the right, the Deployments panel below.
import { useEffect } from 'react';
import { useApp } from '../store/store-context';
import { DeploymentsPanel } from './DeploymentsPanel';
import { ModelList } from './ModelList';
import './models.css';
import { VersionComparison } from './VersionComparison';
import { VersionTable } from './VersionTable';

export function ModelsView() {
  const watchModels = useApp((s) => s.watchModels);
  const selected = useApp((s) => s.selectedModel);
  const hasComparison = useApp((s) => s.comparison !== null);
  useEffect(() => watchModels(), [watchModels]);
  return (
    <div className="models-view" data-testid="models-view">
      <ModelList />
      <div className="models-main">
        <section className="model-detail" aria-label={selected ? `Model ${selected}` : 'Model'}>
          {selected ? (
            <>
              <h2>{selected}</h2>
              <VersionTable />
              {hasComparison && <VersionComparison />}
            </>
          ) : (
            <p className="hint">No registered models yet. A pipeline’s deploy.register node adds one.</p>
          )}
        </section>
        <DeploymentsPanel />
      </div>
    </div>
  );
}
