// A node's live log: virtualised (@tanstack/react-virtual) so a million lines scroll smoothly, ANSI colours, stream
// filter, search (in the store, over the whole log), follow/unfollow the tail, wrap long lines, copy and download;
// below the lines, the line the node is still writing (a progress bar), live.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useReducer, useRef, useState } from 'react';
import { lineInProgressOf } from '../../../shared/runs/lines-in-progress';
import type { LogStream } from '../../../shared/runs/run-status';
import { useApp } from '../store/store-context';
import { AnsiLine } from './AnsiLine';

const ROW_HEIGHT = 18;

interface Props {
  runId: string;
  nodeId: string;
  /** Lines the run state knows of (all streams); drives the all-streams view while the node runs. */
  logLines: number;
  running: boolean;
}

export function LogViewer({ runId, nodeId, logLines, running }: Props) {
  const [stream, setStream] = useState<LogStream | ''>('');
  const [follow, setFollow] = useState(true);
  // Off by default: rows then all have one height, and nothing needs measuring while a million lines stream in.
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<{ term: string; lines: number[]; truncated: boolean; at: number } | null>(null);
  const logTick = useApp((s) => s.logTick);
  const bufferFor = useApp((s) => s.logBufferFor);
  const searchLog = useApp((s) => s.searchLog);
  const downloadLog = useApp((s) => s.downloadLog);
  const writing = useApp((s) => (stream === 'system' ? undefined : lineInProgressOf(s.linesInProgress, nodeId, stream || undefined)));
  const buffer = bufferFor(nodeId, stream || undefined);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => buffer?.onChange(rerender), [buffer]);
  // Filtered views get no live lines: ask the store for their length while the node runs.
  useEffect(() => {
    if (!buffer || !stream) return;
    void buffer.refreshTotal();
    if (!running) return;
    const timer = setInterval(() => void buffer.refreshTotal(), 500);
    return () => clearInterval(timer);
  }, [buffer, stream, running]);
  if (buffer && !stream) buffer.grow(logLines);
  const total = buffer?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
    // Wrapped rows are as tall as their text: each shown row is measured (and measured again when it changes).
    ...(wrap ? { measureElement: (element: Element) => element.getBoundingClientRect().height } : {}),
  });
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);
  useEffect(() => {
    if (follow && total > 0) virtualizer.scrollToIndex(total - 1, { align: 'end' });
  }, [follow, total, logTick, virtualizer]);
  useEffect(() => setSearch(null), [stream, nodeId, runId]);

  const runSearch = async (direction: 1 | -1) => {
    const term = query.trim();
    if (!term) return setSearch(null);
    let current = search;
    if (!current || current.term !== term) {
      const found = await searchLog(nodeId, term, stream || undefined);
      if (!found) return;
      current = { term, ...found, at: -1 };
    }
    if (current.lines.length === 0) return setSearch(current);
    const at = (current.at + direction + current.lines.length) % current.lines.length;
    setSearch({ ...current, at });
    setFollow(false);
    virtualizer.scrollToIndex(current.lines[at]!, { align: 'center' });
  };

  const copy = () => {
    const text = (buffer?.loadedLines() ?? []).map((l) => l.text).join('\n');
    void navigator.clipboard?.writeText(text);
  };
  const matchLine = search && search.at >= 0 ? search.lines[search.at] : undefined;

  return (
    <section className="log-viewer" aria-label={`Log of ${nodeId}`}>
      <div className="log-toolbar">
        <select aria-label="Stream" value={stream} onChange={(e) => setStream(e.target.value as LogStream | '')}>
          <option value="">all streams</option>
          <option value="stdout">stdout</option>
          <option value="stderr">stderr</option>
          <option value="system">runner</option>
        </select>
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void runSearch(e.shiftKey ? -1 : 1)}
        />
        <button type="button" onClick={() => void runSearch(-1)} aria-label="Previous match" disabled={!query.trim()}>
          ↑
        </button>
        <button type="button" onClick={() => void runSearch(1)} aria-label="Next match" disabled={!query.trim()}>
          ↓
        </button>
        {search && (
          <span className="log-matches" data-testid="log-matches">
            {search.lines.length === 0 ? 'no matches' : `${search.at + 1} / ${search.lines.length}${search.truncated ? '+' : ''}`}
          </span>
        )}
        <span className="log-spacer" />
        <span className="log-count" data-testid="log-count">
          {total.toLocaleString()} {total === 1 ? 'line' : 'lines'}
        </span>
        <label className="log-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <label className="log-follow">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap
        </label>
        <button type="button" onClick={copy} title="Copy the loaded lines">
          Copy
        </button>
        <button type="button" onClick={() => void downloadLog(nodeId, stream || undefined)} title="Download the whole log">
          Download
        </button>
      </div>
      <div
        className={`log-lines${wrap ? ' log-wrap' : ''}`}
        ref={scroller}
        data-testid="log-lines"
        onWheel={(e) => e.deltaY < 0 && setFollow(false)}
        onKeyDown={(e) => (e.key === 'PageUp' || e.key === 'ArrowUp' || e.key === 'Home') && setFollow(false)}
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const line = buffer?.get(row.index);
            return (
              <div
                key={row.key}
                ref={wrap ? virtualizer.measureElement : undefined}
                className={`log-line log-${line?.stream ?? 'pending'}${row.index === matchLine ? ' log-match' : ''}`}
                style={{ transform: `translateY(${row.start}px)`, ...(wrap ? {} : { height: ROW_HEIGHT }) }}
                data-line={row.index}
                data-index={row.index}
              >
                <span className="log-gutter">{row.index + 1}</span>
                <span className="log-text">{line ? <AnsiLine text={line.text} highlight={search?.term} /> : '…'}</span>
              </div>
            );
          })}
        </div>
        {total === 0 && !writing && <p className="log-empty">{running ? 'Waiting for output…' : 'This node wrote nothing.'}</p>}
      </div>
      {writing && (
        <div className="log-in-progress" data-testid="log-in-progress" title="The line the node is writing now (not ended yet)">
          <span className="log-gutter">⋯</span>
          <span className="log-text">
            <AnsiLine text={writing} />
          </span>
        </div>
      )}
    </section>
  );
}
