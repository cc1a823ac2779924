// Writes a run's stream to SQLite in batched transactions: events, node rows, and logs merged into large chunks.
import type { RunEvent } from '../../shared/runs/run-events';
import type { LogStream } from '../../shared/runs/run-status';
import type { RunLogsRepo } from '../store/run-logs.repo';
import type { RunsRepo } from '../store/runs.repo';
import type { LogChunk } from './log-chunk';
import type { RunSink } from './run-emitter';

/** A chunk grows until this many characters, then a new one starts (pages stay cheap to read). */
const MAX_CHUNK_CHARS = 1 << 20;

interface OpenChunk {
  runId: string;
  nodeId: string;
  stream: LogStream;
  firstLine: number;
  streamLine: number;
  count: number;
  chars: number;
  texts: string[];
  seqRuns: [number, number][];
}

/**
 * Collects writes and commits them every `flushMs` in one transaction (and at once on run.finished), so a busy
 * run costs a handful of transactions per second instead of one per line or event.
 */
export class StoreSink implements RunSink {
  private events: RunEvent[] = [];
  private closed: OpenChunk[] = [];
  private readonly open = new Map<string, OpenChunk>();
  private writes: (() => void)[] = [];
  private readonly logLines = new Map<string, number>();
  private lastSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly runId: string,
    private readonly runs: RunsRepo,
    private readonly logRepo: RunLogsRepo,
    private readonly flushMs = 100,
  ) {}

  event(event: RunEvent): void {
    this.events.push(event);
    this.lastSeq = event.seq;
    if (event.type === 'run.finished') this.flush();
    else this.schedule();
  }

  logs(chunk: LogChunk): void {
    const open = this.open.get(chunk.nodeId);
    if (open && open.stream === chunk.stream && open.firstLine + open.count === chunk.firstLine && open.chars < MAX_CHUNK_CHARS) {
      open.texts.push(chunk.text);
      open.count += chunk.count;
      open.chars += chunk.text.length;
      const last = open.seqRuns[open.seqRuns.length - 1]!;
      if (last[0] + last[1] === chunk.firstSeq) last[1] += chunk.count;
      else open.seqRuns.push([chunk.firstSeq, chunk.count]);
    } else {
      if (open) this.closed.push(open);
      this.open.set(chunk.nodeId, {
        runId: chunk.runId,
        nodeId: chunk.nodeId,
        stream: chunk.stream,
        firstLine: chunk.firstLine,
        streamLine: chunk.streamLine,
        count: chunk.count,
        chars: chunk.text.length,
        texts: [chunk.text],
        seqRuns: [[chunk.firstSeq, chunk.count]],
      });
    }
    this.logLines.set(chunk.nodeId, chunk.firstLine + chunk.count);
    this.lastSeq = chunk.firstSeq + chunk.count - 1;
    this.schedule();
  }

  /** Runs `write` inside the next batch transaction (cache entries, artifact rows). */
  defer(write: () => void): void {
    this.writes.push(write);
    this.schedule();
  }

  /** Commits everything pending now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const chunks = [...this.closed, ...this.open.values()];
    if (chunks.length === 0 && this.events.length === 0 && this.writes.length === 0) return;
    const events = this.events;
    const writes = this.writes;
    const lines = [...this.logLines];
    this.events = [];
    this.closed = [];
    this.open.clear();
    this.writes = [];
    this.logLines.clear();
    const lastSeq = this.lastSeq;
    this.runs.transaction(() => {
      for (const c of chunks) {
        this.logRepo.add({ ...c, text: c.texts.join('\n') });
      }
      for (const [nodeId, count] of lines) this.runs.noteLogLines(this.runId, nodeId, count);
      for (const event of events) this.runs.applyEvent(event);
      for (const write of writes) write();
      this.runs.noteLastSeq(this.runId, lastSeq);
    });
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }
}
