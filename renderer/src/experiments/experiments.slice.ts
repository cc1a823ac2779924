// The Experiments view's table: the saved view (columns, pins, sort, filter, search, hidden runs), windows of rows
// loaded as they scroll into view, the selection, and tags/notes/hidden edits.
import { ApiError } from '../../../shared/api/index';
import { formatRunsDeleted } from '../../../shared/runs/run-format';
import type { ExperimentColumns, ExperimentRow } from '../../../shared/tracking/experiment-records';
import { columnKey, DEFAULT_EXPERIMENT_VIEW, type ColumnRef, type ExperimentView } from '../../../shared/tracking/experiment-view';
import { FilterSyntaxError, parseRunFilter } from '../../../shared/tracking/run-filter';
import type { SliceCreator } from '../store/app-store';
import { attempt } from './api-attempt';

/** Rows per request; the table asks for the windows its visible rows fall in. */
export const PAGE_SIZE = 100;

export type ExperimentsTab = 'runs' | 'compare' | 'sweeps' | 'history' | 'lineage';

export interface ExperimentsSlice {
  experimentsTab: ExperimentsTab;
  experimentView: ExperimentView;
  columnsAvailable: ExperimentColumns;
  /** Rows matching the current query, and the loaded windows (by page index) of the current query generation. */
  tableTotal: number;
  tablePages: Record<number, ExperimentRow[]>;
  tableGeneration: number;
  queryMs: number | null;
  /** The filter's syntax error (shown under the box) and names no run has. */
  filterError: string | null;
  unknownFields: string[];
  selectedRunIds: string[];
  /** The run whose details (note, tags, lineage) are shown beside the table. */
  detailRunId: string | null;
  setExperimentsTab(tab: ExperimentsTab): void;
  /** Loads the saved view and the column names, then the first rows. */
  openExperiments(): Promise<void>;
  /** Changes the view (saved at once) and re-runs the query when the rows change. */
  updateView(change: Partial<ExperimentView>): void;
  toggleColumn(column: ColumnRef): void;
  togglePin(column: ColumnRef): void;
  sortBy(column: ColumnRef): void;
  /** Re-runs the query from the first window (after a change of filter, search, sort or hidden runs). */
  refreshTable(): Promise<void>;
  /** Reloads the names the column chooser offers and the rows (runs or tags were added). */
  refreshExperiments(): Promise<void>;
  ensureRows(from: number, to: number): void;
  toggleRunSelection(runId: string): void;
  clearRunSelection(): void;
  showRunDetails(runId: string | null): void;
  annotateRuns(runIds: string[], change: { setTags?: Record<string, string>; removeTags?: string[]; note?: string; hidden?: boolean }): Promise<void>;
  /** Deletes runs with their logs, outputs and cache entries, after the user confirmed; says what it gave back. */
  deleteRuns(runIds: string[]): Promise<void>;
  /** Calls `refresh` when runs change anywhere (a run ends, runs are annotated); returns the unsubscribe. */
  subscribeExperiments(refresh: () => void): () => void;
  /** Leaves the Experiments view for the designer with that run's pipeline open and the run shown. */
  openRunInDesigner(runId: string): Promise<void>;
}

const NO_COLUMNS: ExperimentColumns = { params: [], metrics: [], tags: [], pipelines: [] };

export const createExperimentsSlice: SliceCreator<ExperimentsSlice> = (set, get, api) => {
  const loading = new Set<string>();

  async function loadPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    const { experimentView: view } = get();
    try {
      const result = await api.invoke('experiments.query', {
        filter: view.filter,
        search: view.search,
        sort: view.sort,
        includeHidden: view.includeHidden,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (get().tableGeneration !== generation) return;
      set((s) => ({ tableTotal: result.total, tablePages: { ...s.tablePages, [page]: result.rows }, queryMs: result.queryMs, unknownFields: result.unknownFields, filterError: null }));
    } catch (error) {
      if (get().tableGeneration !== generation) return;
      if (error instanceof ApiError && error.code === 'invalid_input') set({ filterError: error.message, tableTotal: 0, tablePages: {} });
      else get().showToast('error', (error as Error).message);
    } finally {
      loading.delete(key);
    }
  }

  function saveView(): void {
    void attempt(get, () => api.invoke('experiments.saveView', { view: get().experimentView }));
  }

  return {
    experimentsTab: 'runs',
    experimentView: DEFAULT_EXPERIMENT_VIEW,
    columnsAvailable: NO_COLUMNS,
    tableTotal: 0,
    tablePages: {},
    tableGeneration: 0,
    queryMs: null,
    filterError: null,
    unknownFields: [],
    selectedRunIds: [],
    detailRunId: null,
    setExperimentsTab: (experimentsTab) => set({ experimentsTab }),
    async openExperiments() {
      const [experimentView, columns] = await Promise.all([attempt(get, () => api.invoke('experiments.getView', {})), attempt(get, () => api.invoke('experiments.columns', {}))]);
      set({ ...(experimentView ? { experimentView } : {}), ...(columns ? { columnsAvailable: columns } : {}) });
      await get().refreshTable();
    },
    updateView(change) {
      const experimentView = { ...get().experimentView, ...change };
      set({ experimentView });
      saveView();
      const requery = ['filter', 'search', 'sort', 'includeHidden'].some((k) => k in change);
      if (!requery) return;
      if ('filter' in change) {
        try {
          parseRunFilter(experimentView.filter);
        } catch (error) {
          // Syntax errors show at once, without a round trip; the table keeps the last good result.
          if (error instanceof FilterSyntaxError) return set({ filterError: error.message });
          throw error;
        }
      }
      void get().refreshTable();
    },
    toggleColumn(column) {
      const { columns, pinned } = get().experimentView;
      const key = columnKey(column);
      const shown = columns.some((c) => columnKey(c) === key);
      get().updateView(
        shown ? { columns: columns.filter((c) => columnKey(c) !== key), pinned: pinned.filter((p) => p !== key) } : { columns: [...columns, column] },
      );
    },
    togglePin(column) {
      const key = columnKey(column);
      const { pinned } = get().experimentView;
      get().updateView({ pinned: pinned.includes(key) ? pinned.filter((p) => p !== key) : [...pinned, key] });
    },
    sortBy(column) {
      const { sort } = get().experimentView;
      const same = columnKey(sort.column) === columnKey(column);
      get().updateView({ sort: { column, direction: same && sort.direction === 'desc' ? 'asc' : 'desc' } });
    },
    async refreshTable() {
      const generation = get().tableGeneration + 1;
      set({ tableGeneration: generation, tablePages: {} });
      await loadPage(0, generation);
    },
    async refreshExperiments() {
      const columns = await attempt(get, () => api.invoke('experiments.columns', {}));
      if (columns) set({ columnsAvailable: columns });
      await get().refreshTable();
    },
    ensureRows(from, to) {
      const { tablePages: pages, tableGeneration: generation } = get();
      for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
        if (!pages[page]) void loadPage(page, generation);
      }
    },
    toggleRunSelection(runId) {
      const selected = get().selectedRunIds;
      set({ selectedRunIds: selected.includes(runId) ? selected.filter((id) => id !== runId) : [...selected, runId] });
    },
    clearRunSelection: () => set({ selectedRunIds: [] }),
    showRunDetails(detailRunId) {
      set({ detailRunId });
      if (detailRunId) void get().loadLineage(detailRunId);
    },
    async annotateRuns(runIds, change) {
      const done = await attempt(get, () => api.invoke('experiments.annotate', { runIds, ...change }));
      if (!done) return;
      // The table refreshes on the experiments.changed event this publishes (in every open window).
      if (change.hidden !== undefined) get().showToast('info', `${change.hidden ? 'hid' : 'showed'} ${runIds.length} run${runIds.length === 1 ? '' : 's'}`);
    },
    async deleteRuns(runIds) {
      const result = await attempt(get, () => api.invoke('run.delete', { runIds }));
      if (!result) return;
      const { selectedRunIds, detailRunId } = get();
      set({ selectedRunIds: selectedRunIds.filter((id) => !result.deleted.includes(id)) });
      if (detailRunId && result.deleted.includes(detailRunId)) get().showRunDetails(null);
      // The table refreshes on the experiments.changed event this publishes (in every open window).
      get().showToast('info', formatRunsDeleted(result));
    },
    subscribeExperiments(refresh) {
      const unsubscribers = [
        api.subscribe('experiments.changed', refresh),
        api.subscribe('run.events', (batch) => batch.events.some((e) => e.type === 'run.finished') && refresh()),
      ];
      return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    },
    async openRunInDesigner(runId) {
      await get().openModelRun(runId);
    },
  };
};
