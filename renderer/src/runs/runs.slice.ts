// Runs in the renderer: start/cancel/re-run, the run shown on the canvas (live or from history), the runs list of
// the open pipeline, live batches from the `run.events` topic, and resume after a reconnect.
import type { RunEvent, RunEventBatch } from '../../../shared/runs/run-events';
import type { RunScope } from '../../../shared/runs/run-options';
import type { ArtifactInfo, ArtifactPreview, RunSummary } from '../../../shared/runs/run-record';
import type { LogStream } from '../../../shared/runs/run-status';
import { applyLinesInProgress, type LinesInProgress } from '../../../shared/runs/lines-in-progress';
import { applyLogGaps, applyRunEvents, initialRunState, runStateFromDetail, type RunState } from '../../../shared/runs/run-state';
import type { AppState, SliceCreator } from '../store/app-store';
import { readNumberPreference, writePreference } from '../store/preferences';
import type { LogBuffer } from '../../../shared/runs/log-buffer';
import { downloadLog } from './log-download';
import { feedLogBuffers, logBuffer } from './log-buffers';

/** The run panel's height as a share of the workspace: the canvas keeps at least a fifth. */
export const RUN_PANEL_SHARE = { initial: 0.46, min: 0.2, max: 0.8 } as const;
const RUN_PANEL_SHARE_KEY = 'pipewright.runPanelShare';

/** Options the Run button uses (the run-options popover edits them). */
export interface UiRunOptions {
  failFast: boolean;
  noCache: boolean;
  /** null: the engine's default (number of CPUs). */
  concurrency: number | null;
}

/** The node panel's tabs. */
export type NodeTab = 'logs' | 'details' | 'artifacts';

export interface RunsSlice {
  /** Runs of the open pipeline, newest first. */
  runs: RunSummary[];
  /** The run whose states the canvas and the run panel show. */
  shownRun: RunState | null;
  /** The node whose details and logs the run panel shows. */
  runNodeId: string | null;
  /** The node panel's tab: kept from node to node, so going through the nodes' artifacts is a click per node. */
  runNodeTab: NodeTab;
  runPanelOpen: boolean;
  /** The run panel's height as a share of the workspace (kept across restarts). */
  runPanelShare: number;
  runOptions: UiRunOptions;
  /** Nodes selected on the canvas (what "Run selected / up to here / from here" start from). */
  canvasSelection: string[];
  /** Bumped whenever live log lines arrived (log views re-read their buffers). */
  logTick: number;
  /** Lines the running nodes of the shown run are still writing (progress bars). */
  linesInProgress: LinesInProgress;
  startRun(scope?: RunScope, force?: string[]): Promise<void>;
  setCanvasSelection(ids: string[]): void;
  cancelRun(): Promise<void>;
  rerunFailed(): Promise<void>;
  openRun(runId: string): Promise<void>;
  /** Shows the open pipeline's latest run, unless a run of it is shown meanwhile (the run panel opened with none). */
  showLatestRun(): Promise<void>;
  refreshRuns(): Promise<void>;
  applyRunBatch(batch: RunEventBatch): void;
  /** Fetches what was missed while disconnected (events after the last seq seen). */
  resumeRun(): Promise<void>;
  /** Shows a node in the run panel, on `tab` when given (else on the tab shown last). */
  showRunNode(nodeId: string | null, tab?: NodeTab): void;
  setRunNodeTab(tab: NodeTab): void;
  setRunPanelOpen(open: boolean): void;
  setRunPanelShare(share: number): void;
  setRunOptions(patch: Partial<UiRunOptions>): void;
  /** The log buffer of a node of the shown run (all streams, or one). */
  logBufferFor(nodeId: string, stream?: LogStream): LogBuffer | null;
  searchLog(nodeId: string, query: string, stream?: LogStream): Promise<{ lines: number[]; truncated: boolean } | undefined>;
  downloadLog(nodeId: string, stream?: LogStream): Promise<void>;
  loadArtifacts(nodeId: string): Promise<ArtifactInfo[]>;
  previewArtifact(nodeId: string, port: string): Promise<ArtifactPreview | undefined>;
}

async function attempt<T>(get: () => AppState, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    get().showToast('error', (error as Error).message);
    return undefined;
  }
}

/** A run began or ended: the runs list must be read again. */
const changesRunsList = (events: readonly RunEvent[]) => events.some((e) => e.type === 'run.started' || e.type === 'run.finished');

export const createRunsSlice: SliceCreator<RunsSlice> = (set, get, api) => {
  api.subscribe('run.events', (batch) => get().applyRunBatch(batch));
  // Runs deleted (here, in another window or over the API) leave the history, and the run view if it showed one.
  api.subscribe('experiments.changed', ({ runIds, deleted }) => {
    if (!deleted) return;
    if (get().shownRun && runIds.includes(get().shownRun!.runId)) set({ shownRun: null, runNodeId: null, linesInProgress: {} });
    if (get().runs.some((r) => runIds.includes(r.id))) void get().refreshRuns();
  });
  /** Numbers the runs-list reads, so an answer that arrives after a newer one's is dropped, not shown. */
  let listReads = 0;
  const adopt = async (runId: string) => {
    const detail = await attempt(get, () => api.invoke('run.get', { runId }));
    if (detail) set({ shownRun: runStateFromDetail(detail), linesInProgress: {}, runPanelOpen: true });
  };
  return {
    runs: [],
    shownRun: null,
    runNodeId: null,
    runNodeTab: 'logs',
    runPanelOpen: false,
    runPanelShare: readNumberPreference(RUN_PANEL_SHARE_KEY, RUN_PANEL_SHARE.initial, RUN_PANEL_SHARE.min, RUN_PANEL_SHARE.max),
    runOptions: { failFast: false, noCache: false, concurrency: null },
    canvasSelection: [],
    logTick: 0,
    linesInProgress: {},
    async startRun(scope, force) {
      const { openId, runOptions } = get();
      if (!openId) return;
      await get().flushSave();
      const options = {
        failFast: runOptions.failFast,
        noCache: runOptions.noCache,
        ...(runOptions.concurrency ? { concurrency: runOptions.concurrency } : {}),
        ...(scope ? { scope } : {}),
        ...(force ? { force } : {}),
      };
      const run = await attempt(get, () => api.invoke('run.start', { pipelineId: openId, options }));
      if (!run) return;
      if (get().shownRun?.runId !== run.id) await adopt(run.id);
      set({ runPanelOpen: true });
      void get().refreshRuns();
    },
    async cancelRun() {
      const run = get().shownRun;
      if (run) await attempt(get, () => api.invoke('run.cancel', { runId: run.runId }));
    },
    async rerunFailed() {
      const run = get().shownRun;
      if (!run) return;
      const started = await attempt(get, () => api.invoke('run.rerun', { runId: run.runId, failedOnly: true }));
      if (started) {
        await adopt(started.id);
        void get().refreshRuns();
      }
    },
    async openRun(runId) {
      await adopt(runId);
    },
    async showLatestRun() {
      const { runs, openId } = get();
      const latest = runs[0];
      if (!latest || latest.pipelineId !== openId) return;
      const detail = await attempt(get, () => api.invoke('run.get', { runId: latest.id }));
      // A run started (or opened) while this one loaded wins.
      const shown = get().shownRun;
      if (detail && get().openId === openId && shown?.pipelineId !== openId) set({ shownRun: runStateFromDetail(detail), linesInProgress: {} });
    },
    async refreshRuns() {
      const pipelineId = get().openId;
      const read = ++listReads;
      if (!pipelineId) return set({ runs: [] });
      const runs = await attempt(get, () => api.invoke('run.list', { pipelineId, limit: 100 }));
      if (runs && read === listReads && get().openId === pipelineId) set({ runs });
    },
    applyRunBatch(batch) {
      const { shownRun, openId } = get();
      if (changesRunsList(batch.events)) void get().refreshRuns();
      const started = batch.events.find((e) => e.type === 'run.started');
      const ours = started && started.type === 'run.started' && started.pipelineId === openId;
      if (started?.type === 'run.started' && ours && shownRun?.runId !== batch.runId) {
        // A run of the open pipeline began (from this window or another): show it live.
        set({ shownRun: initialRunState(started), linesInProgress: {}, runPanelOpen: true });
      }
      const current = get().shownRun;
      if (current?.runId === batch.runId) {
        const first = batch.events[0]?.seq ?? batch.lastSeq;
        if (first > current.lastSeq + 1 && !started) {
          void get().resumeRun();
          return;
        }
        const lines = batch.events.filter((e) => e.type === 'node.log');
        feedLogBuffers(api, batch.runId, lines, batch.gaps);
        const next = applyLogGaps(applyRunEvents(current, batch.events), batch.gaps);
        const linesInProgress = applyLinesInProgress(get().linesInProgress, batch.inProgress ?? [], next.nodes);
        set({ shownRun: { ...next, lastSeq: Math.max(next.lastSeq, batch.lastSeq) }, linesInProgress, logTick: get().logTick + 1 });
      }
    },
    async resumeRun() {
      const run = get().shownRun;
      if (!run) return;
      const missed = await attempt(get, () => api.invoke('run.events', { runId: run.runId, afterSeq: run.lastSeq, maxLogLines: 2000 }));
      if (!missed || get().shownRun?.runId !== run.runId) return;
      if (changesRunsList(missed.events)) void get().refreshRuns();
      feedLogBuffers(api, run.runId, missed.events.filter((e) => e.type === 'node.log'), missed.gaps);
      const next = applyLogGaps(applyRunEvents(get().shownRun!, missed.events), missed.gaps);
      // Nodes that ended meanwhile write nothing any more: their progress bars go too.
      const linesInProgress = applyLinesInProgress(get().linesInProgress, missed.inProgress ?? [], next.nodes);
      set({ shownRun: { ...next, lastSeq: Math.max(next.lastSeq, missed.lastSeq) }, linesInProgress, logTick: get().logTick + 1 });
    },
    setCanvasSelection: (canvasSelection) => set({ canvasSelection }),
    showRunNode: (runNodeId, tab) => set({ runNodeId, ...(runNodeId ? { runPanelOpen: true } : {}), ...(tab ? { runNodeTab: tab } : {}) }),
    setRunNodeTab: (runNodeTab) => set({ runNodeTab }),
    setRunPanelOpen: (runPanelOpen) => set({ runPanelOpen }),
    setRunPanelShare(runPanelShare) {
      set({ runPanelShare });
      writePreference(RUN_PANEL_SHARE_KEY, runPanelShare);
    },
    setRunOptions: (patch) => set({ runOptions: { ...get().runOptions, ...patch } }),
    logBufferFor(nodeId, stream) {
      const run = get().shownRun;
      return run ? logBuffer(api, run.runId, nodeId, stream) : null;
    },
    async searchLog(nodeId, query, stream) {
      const run = get().shownRun;
      if (!run) return undefined;
      return attempt(get, () => api.invoke('run.logSearch', { runId: run.runId, nodeId, query, ...(stream ? { stream } : {}) }));
    },
    async downloadLog(nodeId, stream) {
      const run = get().shownRun;
      if (!run) return;
      await attempt(get, () =>
        downloadLog(run.runId, nodeId, stream, (from, count) => api.invoke('run.logs', { runId: run.runId, nodeId, from, count, ...(stream ? { stream } : {}) })),
      );
    },
    async loadArtifacts(nodeId) {
      const run = get().shownRun;
      if (!run) return [];
      return (await attempt(get, () => api.invoke('run.artifacts', { runId: run.runId, nodeId }))) ?? [];
    },
    async previewArtifact(nodeId, port) {
      const run = get().shownRun;
      if (!run) return undefined;
      return attempt(get, () => api.invoke('run.artifactPreview', { runId: run.runId, nodeId, port }));
    },
  };
};

