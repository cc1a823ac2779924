// The bottom panel: tabs from the registry (Problems, History; the runner adds Logs). Clicking the open tab folds it.
import { useApp } from '../store/store-context';
import { bottomTabs } from './extensions';

export function BottomPanel() {
  const active = useApp((s) => s.bottomTab);
  const setBottomTab = useApp((s) => s.setBottomTab);
  const tab = bottomTabs.find((t) => t.id === active);
  return (
    <section className={tab ? 'bottom-panel open' : 'bottom-panel'} aria-label="Bottom panel">
      <div className="bottom-tabs" role="tablist" aria-label="Panels">
        {bottomTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`tabpanel-${t.id}`}
            onClick={() => setBottomTab(t.id === active ? null : t.id)}
          >
            <t.title />
          </button>
        ))}
      </div>
      {tab && (
        <div className="bottom-content" role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`}>
          <tab.component />
        </div>
      )}
    </section>
  );
}
