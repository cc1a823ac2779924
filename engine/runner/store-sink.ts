// Writes a run's stream to the store: log bytes appended to each node's log file as they arrive, and in batched
// SQLite transactions the events, node rows and the log line index (chunks merged while a stream continues).
import { closeSync, mkdirSync, openSync, writevSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunEvent } from '../../shared/runs/run-events';
import type { RunLogsRepo, StoredChunk } from '../store/run-logs.repo';
import type { RunsRepo } from '../store/runs.repo';
import type { LogChunk } from './log-chunk';
import type { RunSink } from './run-emitter';

/** An index chunk grows until it covers this many bytes, then a new one starts (pages stay cheap to read). */
const MAX_CHUNK_BYTES = 1 << 20;
const NEWLINE = Buffer.from('\n');

interface LogFile {
  fd: number;
  size: number;
}

/**
 * Commits every `flushMs` in one transaction (and at once on run.finished), so a busy run costs a handful of
 * transactions per second instead of one per line or event. Log bytes never wait for a commit: they are written to the
 * file at once, and only indexed lines are ever read back, so a crash between the two loses nothing that was shown.
 */
export class StoreSink implements RunSink {
  private events: RunEvent[] = [];
  private closed: StoredChunk[] = [];
  private readonly open = new Map<string, StoredChunk>();
  private readonly files = new Map<string, LogFile>();
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
    if (event.type === 'node.finished') this.closeFile(event.nodeId);
    if (event.type === 'run.finished') {
      this.flush();
      for (const nodeId of [...this.files.keys()]) this.closeFile(nodeId);
    } else this.schedule();
  }

  logs(chunk: LogChunk): void {
    const file = this.file(chunk.nodeId);
    const offset = file.size;
    file.size += writevSync(file.fd, [chunk.bytes, NEWLINE]);
    const length = file.size - offset;
    const open = this.open.get(chunk.nodeId);
    if (open && open.stream === chunk.stream && open.firstLine + open.count === chunk.firstLine && open.byteLength < MAX_CHUNK_BYTES) {
      open.count += chunk.count;
      open.byteLength += length;
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
        seqRuns: [[chunk.firstSeq, chunk.count]],
        byteOffset: offset,
        byteLength: length,
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
    const { events, writes } = this;
    const lines = [...this.logLines];
    this.events = [];
    this.closed = [];
    this.open.clear();
    this.writes = [];
    this.logLines.clear();
    const lastSeq = this.lastSeq;
    this.runs.transaction(() => {
      for (const chunk of chunks) this.logRepo.add(chunk);
      for (const [nodeId, count] of lines) this.runs.noteLogLines(this.runId, nodeId, count);
      for (const event of events) this.runs.applyEvent(event);
      for (const write of writes) write();
      this.runs.noteLastSeq(this.runId, lastSeq);
    });
  }

  private file(nodeId: string): LogFile {
    let file = this.files.get(nodeId);
    if (!file) {
      const path = this.logRepo.filePath(this.runId, nodeId);
      mkdirSync(dirname(path), { recursive: true });
      file = { fd: openSync(path, 'a'), size: 0 };
      this.files.set(nodeId, file);
    }
    return file;
  }

  private closeFile(nodeId: string): void {
    const file = this.files.get(nodeId);
    if (!file) return;
    closeSync(file.fd);
    this.files.delete(nodeId);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }
}
