// Switches the workspace between the pipeline canvas, the Experiments view and the Models view.
import { useApp } from '../store/store-context';

export function ViewTabs() {
  const modelsOpen = useApp((s) => s.modelsOpen);
  const setModelsOpen = useApp((s) => s.setModelsOpen);
  const experimentsOpen = useApp((s) => s.experimentsOpen);
  const setExperimentsOpen = useApp((s) => s.setExperimentsOpen);
  const show = (view: 'designer' | 'experiments' | 'models') => {
    setExperimentsOpen(view === 'experiments');
    setModelsOpen(view === 'models');
  };
  return (
    <nav className="view-tabs" role="tablist" aria-label="Views">
      <button type="button" role="tab" aria-selected={!modelsOpen && !experimentsOpen} onClick={() => show('designer')}>
        Designer
      </button>
      <button type="button" role="tab" aria-selected={experimentsOpen} onClick={() => show('experiments')}>
        Experiments
      </button>
      <button type="button" role="tab" aria-selected={modelsOpen && !experimentsOpen} onClick={() => show('models')}>
        Models
      </button>
    </nav>
  );
}
