// The run panel under the canvas: the shown run's DAG as it ran with the selected node's details and live log,
// and the pipeline's run history.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { cacheSavedMs } from '../../../shared/runs/cache-report';
import { formatDuration } from '../../../shared/runs/run-format';
import { PanelResizer } from '../components/PanelResizer';
import { useApp } from '../store/store-context';
import { NodeRunDetails } from './NodeRunDetails';
import { RunDag } from './RunDag';
import { RunsList } from './RunsList';
import { RUN_PANEL_SHARE } from './runs.slice';
import { nodeToShow } from './shown-node';
import { STATE_ICONS } from './run-labels';
import { useNow } from './use-now';
import './runs.css';

export function RunPanel() {
  const open = useApp((s) => s.runPanelOpen);
  const setOpen = useApp((s) => s.setRunPanelOpen);
  const run = useApp((s) => s.shownRun);
  const openId = useApp((s) => s.openId);
  const document = useApp((s) => s.document);
  const nodeId = useApp((s) => s.runNodeId);
  const showRunNode = useApp((s) => s.showRunNode);
  const refreshRuns = useApp((s) => s.refreshRuns);
  const [tab, setTab] = useState<'run' | 'history'>('run');
  useEffect(() => void refreshRuns(), [openId, refreshRuns]);
  const now = useNow(run?.status === 'running', 1000);
  const share = useApp((s) => s.runPanelShare);
  const setShare = useApp((s) => s.setRunPanelShare);
  const panel = useRef<HTMLElement>(null);
  useWorkspaceShare(panel, open ? share : null);
  const mine = run && (run.pipelineId === openId || run.pipelineId === null) ? run : null;
  useLatestRunWhenNoneShown(open && mine === null);
  const savedMs = useMemo(() => cacheSavedMs(Object.values(run?.nodes ?? {}).map((n) => n.cache)), [run?.nodes]);
  if (!openId) return null;
  if (!open) {
    return (
      <button type="button" className="run-panel-tab" onClick={() => setOpen(true)}>
        Runs ▴
      </button>
    );
  }
  const selected = mine && nodeId && mine.nodes[nodeId] ? nodeId : mine && nodeToShow(mine);
  return (
    <section className="run-panel" aria-label="Run panel" data-testid="run-panel" ref={panel}>
      <PanelResizer
        label="Run panel height"
        share={share}
        {...RUN_PANEL_SHARE}
        container={() => panel.current?.parentElement ?? null}
        onChange={setShare}
      />
      <header className="run-panel-header">
        <nav className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'run'} onClick={() => setTab('run')}>
            Run
          </button>
          <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
            History
          </button>
        </nav>
        {mine && (
          <span className={`state-chip state-${mine.status}`} data-testid="run-status" data-status={mine.status}>
            {STATE_ICONS[mine.status]} {mine.status} · {formatDuration((mine.finishedAt ?? now) - mine.startedAt)}
          </span>
        )}
        {mine && savedMs > 0 && (
          <span className="muted" data-testid="cache-saved" title="What the results this run took from the cache took to make, summed over its nodes">
            cache saved {formatDuration(savedMs)}
          </span>
        )}
        {mine && <span className="muted">run {mine.runId}</span>}
        <span className="log-spacer" />
        <button type="button" aria-label="Close the run panel" onClick={() => setOpen(false)}>
          ▾
        </button>
      </header>
      {tab === 'history' ? (
        <div className="run-panel-body">
          <RunsList />
        </div>
      ) : !mine ? (
        <p className="muted runs-empty">No run shown. Press Run (Ctrl/Cmd+Enter), or open one from the history.</p>
      ) : (
        <div className="run-panel-body run-split">
          <aside className="run-nodes">
            {(mine.document ?? document) && <RunDag states={mine.nodes} document={(mine.document ?? document)!} />}
            <ul className="run-node-list">
              {mine.nodeIds.map((id) => (
                <li key={id}>
                  <button type="button" className={id === selected ? 'selected' : ''} onClick={() => showRunNode(id)} data-testid={`run-node-${id}`} data-state={mine.nodes[id]!.status}>
                    <span className={`state-dot state-${mine.nodes[id]!.status}`}>{STATE_ICONS[mine.nodes[id]!.status]}</span> {id}
                  </button>
                </li>
              ))}
            </ul>
          </aside>
          {selected && <NodeRunDetails key={`${mine.runId}:${selected}`} runId={mine.runId} nodeId={selected} node={mine.nodes[selected]!} />}
        </div>
      )}
    </section>
  );
}

/**
 * The workspace (which the run panel shares with the canvas) gets the panel's height as `--run-panel-height`, so the
 * canvas ends where the panel begins (runs.css); removed while the panel is closed.
 */
function useWorkspaceShare(panel: RefObject<HTMLElement | null>, share: number | null): void {
  useLayoutEffect(() => {
    const workspace = panel.current?.parentElement;
    if (!workspace || share === null) return;
    workspace.style.setProperty('--run-panel-height', `${share * 100}%`);
    return () => {
      workspace.style.removeProperty('--run-panel-height');
    };
  }, [panel, share]);
}

/**
 * An open panel with no run of the open pipeline shows its latest run: after a restart, or on switching pipelines,
 * "Runs" then opens on the last run rather than on nothing. Each latest run is tried once.
 */
function useLatestRunWhenNoneShown(wanted: boolean): void {
  const latestId = useApp((s) => (s.runs[0]?.pipelineId === s.openId ? s.runs[0]!.id : null));
  const showLatestRun = useApp((s) => s.showLatestRun);
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!wanted || !latestId || tried.current === latestId) return;
    tried.current = latestId;
    void showLatestRun();
  }, [wanted, latestId, showLatestRun]);
}
