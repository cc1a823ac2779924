// `pipewright run` output for people: each log line prefixed with its node, a line per node state change, and on a
// terminal a live progress line (counts, elapsed time, the latest point of a metric series and the latest line a node
// is still writing) kept at the bottom.
import { cacheSavedMs, cacheVerdict, type CacheReport } from '../../shared/runs/cache-report';
import { plainText } from '../../shared/runs/plain-text';
import type { LineInProgress, RunEvent } from '../../shared/runs/run-events';
import { formatBytes, formatCounts, formatDuration } from '../../shared/runs/run-format';
import type { FinalNodeState } from '../../shared/runs/run-status';
import { formatMetricValue } from '../../shared/tracking/value-format';
import type { LogChunk } from '../runner/log-chunk';
import type { RunSink } from '../runner/run-emitter';
import { OutputBuffer, type WriteText } from './output-buffer';

const COLORS = [36, 35, 33, 32, 34, 96, 95, 93];
const NEWLINE = 10;
/** Log bytes prefixed at a time (cut at a line break). */
const PRINT_SLICE_BYTES = 64 * 1024;
const MARKS: Record<FinalNodeState, string> = { succeeded: '✔', failed: '✖', cached: '↺', skipped: '–', canceled: '■' };

export interface TextPrinterOptions {
  /** Standard output; receives latin1 views of bytes (log lines are passed through unchanged). */
  write: WriteText;
  /** Where the progress line goes (standard error on a terminal); absent: no progress line. */
  progress?: (text: string) => void;
  /** Width of the terminal the progress line is drawn on (it must not wrap). */
  columns?: number;
  color: boolean;
}


export class RunTextPrinter implements RunSink {
  private readonly out: OutputBuffer;
  private readonly prefixes = new Map<string, string>();
  private total = 0;
  private readonly states = new Map<string, string>();
  private started = Date.now();
  private progressShown = false;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** The line a node is writing, of the node that wrote one last (it is shown in the progress line). */
  private inProgress: LineInProgress | undefined;
  /** The cache decision of each node, for what the cache saved. */
  private readonly cacheReports = new Map<string, CacheReport>();
  /** The latest point of a series a running node writes (`train: loss 0.25 @ 3` in the progress line). */
  private latestPoint: Extract<RunEvent, { type: 'node.metric' }> | undefined;

  constructor(private readonly options: TextPrinterOptions) {
    this.out = new OutputBuffer(options.write, 'latin1', options.progress ? { before: () => this.clearProgress(), after: () => this.drawProgress() } : undefined);
  }

  event(event: RunEvent): void {
    switch (event.type) {
      case 'run.started': {
        this.total = event.nodeIds.length;
        this.started = event.at;
        const width = Math.min(24, Math.max(...event.nodeIds.map((id) => id.length)));
        event.nodeIds.forEach((id, i) => this.prefixes.set(id, latin1(this.paint(COLORS[i % COLORS.length]!, `${id.padEnd(width).slice(0, width)} │ `))));
        this.line(`run ${event.runId} of ${event.pipelineName}: ${this.total} node${this.total === 1 ? '' : 's'}, concurrency ${event.options.concurrency ?? 'auto'}`);
        if (this.options.progress) this.ticker = setInterval(() => this.redraw(), 250);
        break;
      }
      case 'node.cache': {
        // Why a node runs although it was cached before, and what changed (as DVC and snakemake say); first runs and
        // bypasses the user asked for say nothing.
        const { report } = event;
        this.cacheReports.set(event.nodeId, report);
        if (!report.hit && !report.bypass && report.changed) this.line(this.paint(2, cacheVerdict(report)), event.nodeId);
        break;
      }
      case 'node.started':
        this.states.set(event.nodeId, 'running');
        this.line(this.paint(2, `started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}, pid ${event.pid}`), event.nodeId);
        break;
      case 'node.metric':
        if (event.step !== undefined) this.latestPoint = event;
        break;
      case 'node.finished':
        this.states.set(event.nodeId, event.status);
        if (this.inProgress?.nodeId === event.nodeId) this.inProgress = undefined;
        if (this.latestPoint?.nodeId === event.nodeId) this.latestPoint = undefined;
        this.line(this.finishedLine(event), event.nodeId);
        break;
      case 'run.finished': {
        clearInterval(this.ticker);
        const counts = formatCounts(event.counts);
        const color = event.status === 'succeeded' ? 32 : 31;
        // Why it did not succeed: the nodes that failed, or what stopped it (its store could not be written).
        const why = event.error ? ` — ${event.error}` : '';
        const savedMs = cacheSavedMs(this.cacheReports.values());
        const saved = savedMs > 0 ? `; the cache saved ${formatDuration(savedMs)} of node time` : '';
        this.line(`${this.paint(color, `run ${event.runId} ${event.status}`)} in ${formatDuration(event.durationMs)}: ${counts}${saved}${why}`);
        this.out.flush();
        this.clearProgress();
        this.options.progress = undefined;
        break;
      }
      default:
        break;
    }
  }

  /**
   * Log lines pass through byte for byte: the block is read as latin1 (one char per byte, no UTF-8 decoding) and
   * written back as latin1, so only the prefixes are added — fast, and even invalid UTF-8 reaches the terminal as the
   * node wrote it. Large blocks go in slices of about PRINT_SLICE_BYTES, each written at once: V8 adds prefixes to a
   * short string several times faster than to a megabyte one, and the string goes to the stream without a copy.
   */
  logs(chunk: LogChunk): void {
    const prefix = this.bytePrefix(chunk.nodeId);
    // Each line is coloured on its own: the prefix ends with a reset.
    const code = chunk.stream === 'system' ? 2 : chunk.stream === 'stderr' ? 31 : 0;
    const [open, close] = code && this.options.color ? [`\x1b[${code}m`, '\x1b[0m'] : ['', ''];
    const { bytes } = chunk;
    let start = 0;
    do {
      const cut = start + PRINT_SLICE_BYTES < bytes.length ? bytes.indexOf(NEWLINE, start + PRINT_SLICE_BYTES) : -1;
      const end = cut === -1 ? bytes.length : cut;
      let text = bytes.toString('latin1', start, end);
      // A \r inside a line (a progress bar redrawing itself) returns to the start of the terminal's line: the prefix
      // is repeated after it, so what stays on screen is still marked with its node.
      if (text.includes('\r')) text = text.replace(/\r(?!\n|$)/g, `${close}\r${prefix}${open}`);
      this.out.push(`${prefix}${open}${text.replaceAll('\n', `${close}\n${prefix}${open}`)}${close}\n`);
      start = end + 1;
    } while (start < bytes.length);
  }

  lineInProgress(line: LineInProgress): void {
    if (line.text) this.inProgress = line;
    else if (this.inProgress?.nodeId === line.nodeId && this.inProgress.stream === line.stream) this.inProgress = undefined;
  }

  private finishedLine(event: Extract<RunEvent, { type: 'node.finished' }>): string {
    const mark = MARKS[event.status];
    const color = event.status === 'succeeded' ? 32 : event.status === 'cached' ? 36 : event.status === 'failed' ? 31 : 33;
    const resources = event.peakRssBytes !== undefined ? `, peak ${formatBytes(event.peakRssBytes)}, cpu ${formatDuration(event.cpuMs ?? 0)}` : '';
    const savedMs = event.status === 'cached' ? this.cacheReports.get(event.nodeId)?.sourceDurationMs : undefined;
    const saved = savedMs === undefined ? '' : `, saved ${formatDuration(savedMs)}`;
    const detail =
      event.status === 'succeeded' || event.status === 'cached'
        ? ` in ${formatDuration(event.durationMs)}${resources}${saved}`
        : `${event.error ? `: ${event.error}` : ''}`;
    return this.paint(color, `${mark} ${event.status}${detail}`);
  }

  /** One line from the printer itself (any Unicode), after the node's prefix when given. */
  private line(text: string, nodeId?: string): void {
    this.out.push(`${nodeId ? this.bytePrefix(nodeId) : ''}${latin1(text)}\n`);
  }

  /** The prefix as the latin1 view of its UTF-8 bytes; everything pushed to `out` is in that form. */
  private bytePrefix(nodeId: string): string {
    return this.prefixes.get(nodeId) ?? latin1(`${nodeId} │ `);
  }

  private paint(code: number, text: string): string {
    return this.options.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }

  private progressText(): string {
    const counts = new Map<string, number>();
    for (const state of this.states.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
    const done = this.states.size - (counts.get('running') ?? 0);
    const parts = ['running', 'succeeded', 'cached', 'failed', 'skipped', 'canceled'].filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`);
    const line = `[${done}/${this.total}] ${parts.join(' · ') || 'starting'} · ${formatDuration(Date.now() - this.started)}`;
    const point = this.latestPoint && `${this.latestPoint.nodeId}: ${this.latestPoint.name} ${formatMetricValue(this.latestPoint.value)} @ ${this.latestPoint.step}`;
    const writing = this.inProgress && `${this.inProgress.nodeId}: ${plainText(this.inProgress.text)}`;
    const full = [line, point, writing].filter(Boolean).join(' · ');
    const width = (this.options.columns ?? 80) - 1;
    return full.length > width ? `${full.slice(0, width - 1)}…` : full;
  }

  private redraw(): void {
    this.clearProgress();
    this.drawProgress();
  }

  private drawProgress(): void {
    if (!this.options.progress) return;
    this.options.progress(this.paint(1, this.progressText()));
    this.progressShown = true;
  }

  private clearProgress(): void {
    if (!this.options.progress || !this.progressShown) return;
    this.options.progress('\r\x1b[K');
    this.progressShown = false;
  }
}

/** The latin1 view of a string's UTF-8 bytes: what `Buffer.from(view, 'latin1')` turns back into those bytes. */
function latin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
