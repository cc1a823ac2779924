// The window: a top bar with the views (Designer; later Experiments, Models), the active view, the status bar, and
// the app-wide dialogs and toasts.
import { useEffect } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StatusBar } from '../components/StatusBar';
import { Toasts } from '../components/Toasts';
import { useApp } from '../store/store-context';
import { views } from './views';

export function App() {
  const refreshPipelines = useApp((s) => s.refreshPipelines);
  const reopenLast = useApp((s) => s.reopenLast);
  const flushSave = useApp((s) => s.flushSave);
  const loadHostInfo = useApp((s) => s.loadHostInfo);
  const viewId = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  useEffect(() => {
    void refreshPipelines().then(reopenLast);
    void loadHostInfo();
    const beforeUnload = () => void flushSave();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [refreshPipelines, reopenLast, flushSave, loadHostInfo]);
  const view = views.find((v) => v.id === viewId) ?? views[0]!;
  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">Pipewright</span>
        <nav className="view-tabs" role="tablist" aria-label="Views">
          {views.map((v) => (
            <button key={v.id} type="button" role="tab" aria-selected={v.id === view.id} onClick={() => setView(v.id)}>
              {v.title}
            </button>
          ))}
        </nav>
      </header>
      <div className="view">
        <view.component />
      </div>
      <StatusBar />
      <ConfirmDialog />
      <Toasts />
    </div>
  );
}
