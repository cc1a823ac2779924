// The Run button (Ctrl/Cmd+Enter) with its menu — run all, selected, up to here, from here, re-run failed, force —
// and run options (fail-fast, ignore the cache, concurrency); Cancel while a run is going.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store/store-context';

export function RunToolbar() {
  const openId = useApp((s) => s.openId);
  const run = useApp((s) => s.shownRun);
  const startRun = useApp((s) => s.startRun);
  const cancelRun = useApp((s) => s.cancelRun);
  const rerunFailed = useApp((s) => s.rerunFailed);
  const options = useApp((s) => s.runOptions);
  const setOptions = useApp((s) => s.setRunOptions);
  const selection = useApp((s) => s.canvasSelection);
  const panelNode = useApp((s) => s.runNodeId);
  const connection = useApp((s) => s.connection);
  const resumeRun = useApp((s) => s.resumeRun);
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const running = run?.status === 'running' && run.pipelineId === openId;
  const targets = selection.length > 0 ? selection : panelNode ? [panelNode] : [];
  const failed = run && run.pipelineId === openId && run.status !== 'running' && run.status !== 'succeeded';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && openId) {
        e.preventDefault();
        void startRun();
      }
      if (e.key === 'Escape') setMenu(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, startRun]);
  // After the connection comes back, fetch what the shown run emitted meanwhile.
  const wasClosed = useRef(false);
  useEffect(() => {
    if (connection === 'closed') wasClosed.current = true;
    if (connection === 'open' && wasClosed.current) {
      wasClosed.current = false;
      void resumeRun();
    }
  }, [connection, resumeRun]);

  if (!openId) return null;
  const item = (label: string, action: () => void, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={() => {
        setMenu(false);
        action();
      }}
    >
      {label}
    </button>
  );
  const scoped = (mode: 'selected' | 'upTo' | 'from') => () => void startRun({ mode, nodeIds: targets });
  const on = targets.length === 1 ? targets[0] : `${targets.length} nodes`;
  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run">
      <button type="button" className="run-button" onClick={() => void startRun()} title="Run the pipeline (Ctrl/Cmd+Enter)" disabled={running}>
        ▶ Run
      </button>
      <div className="run-menu" ref={menuRef}>
        <button type="button" aria-label="Run options" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>
          ▾
        </button>
        {menu && (
          <div className="run-menu-popover" role="menu">
            {item('Run all', () => void startRun(), running)}
            {item(`Run selected${targets.length ? ` (${on})` : ''}`, scoped('selected'), running || targets.length === 0)}
            {item(`Run up to here${targets.length ? ` (${on})` : ''}`, scoped('upTo'), running || targets.length === 0)}
            {item(`Run from here${targets.length ? ` (${on})` : ''}`, scoped('from'), running || targets.length === 0)}
            {item(`Force re-run${targets.length ? ` ${on}` : ''}`, () => void startRun(undefined, targets), running || targets.length === 0)}
            {item('Re-run failed', () => void rerunFailed(), running || !failed)}
            <hr />
            <label>
              <input type="checkbox" checked={options.failFast} onChange={(e) => setOptions({ failFast: e.target.checked })} /> Stop at the first failure
            </label>
            <label>
              <input type="checkbox" checked={options.noCache} onChange={(e) => setOptions({ noCache: e.target.checked })} /> Ignore the cache (re-run every node)
            </label>
            <label>
              Nodes at once{' '}
              <select
                aria-label="Concurrency"
                value={options.concurrency ?? ''}
                onChange={(e) => setOptions({ concurrency: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">one per CPU</option>
                {[1, 2, 4, 8, 16].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </div>
      {running && (
        <button type="button" className="danger" onClick={() => void cancelRun()}>
          ■ Cancel
        </button>
      )}
    </div>
  );
}
