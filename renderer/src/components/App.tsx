// The window layout: sidebar of pipelines, canvas of the open one, status bar; dialogs and toasts on top.
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store/store-context';
import { ExportPanel } from '../export/ExportPanel';
import { Canvas } from './Canvas';
import { ModelsView } from '../models/ModelsView';
import { ViewTabs } from '../models/ViewTabs';
import { RunPanel } from '../runs/RunPanel';
import { RunToolbar } from '../runs/RunToolbar';
import { ConfirmDialog } from './ConfirmDialog';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';

// Loaded when first opened: the Experiments view brings the charting library, which the designer does not need.
const ExperimentsView = lazy(() => import('../experiments/ExperimentsView').then((m) => ({ default: m.ExperimentsView })));

export function App() {
  const refreshPipelines = useApp((s) => s.refreshPipelines);
  const flushSave = useApp((s) => s.flushSave);
  const modelsOpen = useApp((s) => s.modelsOpen);
  const experimentsOpen = useApp((s) => s.experimentsOpen);
  useEffect(() => {
    void refreshPipelines();
    const beforeUnload = () => void flushSave();
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [refreshPipelines, flushSave]);
  return (
    <div className="app">
      <Sidebar />
      <main className="workspace">
        <ViewTabs />
        {experimentsOpen ? (
          <Suspense fallback={<p className="hint">Loading experiments…</p>}>
            <ExperimentsView />
          </Suspense>
        ) : modelsOpen ? (
          <ModelsView />
        ) : (
          <>
            <Canvas />
            <ExportPanel />
            <RunToolbar />
            <RunPanel />
          </>
        )}
      </main>
      <StatusBar />
      <ConfirmDialog />
      <Toasts />
    </div>
  );
}
