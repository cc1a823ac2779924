// The Experiments view: every run of every pipeline in one table, comparisons, sweeps, metric history and model
// lineage, with the clicked run's details (note, tags, lineage) at the side.
import { useEffect } from 'react';
import { useApp } from '../store/store-context';
import { CompareView } from './CompareView';
import './experiments.css';
import type { ExperimentsTab } from './experiments.slice';
import { HistoryView } from './HistoryView';
import { LineageView } from './LineageView';
import { RunDetails } from './RunDetails';
import { RunsTable } from './RunsTable';
import { SweepsView } from './SweepsView';
import { TableToolbar } from './TableToolbar';

const TABS: { id: ExperimentsTab; title: string }[] = [
  { id: 'runs', title: 'Runs' },
  { id: 'compare', title: 'Compare' },
  { id: 'sweeps', title: 'Sweeps' },
  { id: 'history', title: 'Metric history' },
  { id: 'lineage', title: 'Lineage' },
];

export function ExperimentsView() {
  const open = useApp((s) => s.openExperiments);
  const tab = useApp((s) => s.experimentsTab);
  const setTab = useApp((s) => s.setExperimentsTab);
  const refresh = useApp((s) => s.refreshExperiments);
  const subscribe = useApp((s) => s.subscribeExperiments);
  useEffect(() => {
    void open();
    return subscribe(() => void refresh());
  }, [open, refresh, subscribe]);
  return (
    <div className="experiments-view" data-testid="experiments-view">
      <nav className="experiments-tabs" role="tablist" aria-label="Experiments">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.title}
          </button>
        ))}
      </nav>
      <div className="experiments-body">
        <div className="experiments-main">
          {tab === 'runs' && (
            <>
              <TableToolbar />
              <RunsTable />
            </>
          )}
          {tab === 'compare' && <CompareView />}
          {tab === 'sweeps' && <SweepsView />}
          {tab === 'history' && <HistoryView />}
          {tab === 'lineage' && <LineageView />}
        </div>
        <RunDetails />
      </div>
    </div>
  );
}
