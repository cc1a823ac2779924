// Writes a run's stream to the store: in batched SQLite transactions the events, node rows and the log line index
// (chunks merged while a stream continues) — the log bytes are where the node's processes wrote them; only the
// runner's own lines (stream `system`) are appended here, to the node's `.log` file.
import { closeSync, mkdirSync, openSync, writevSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunEvent } from '../../shared/runs/run-events';
import { runnerLogFile, type RunLogsRepo, type StoredChunk } from '../store/run-logs.repo';
import type { RunsRepo } from '../store/runs.repo';
import type { LogChunk } from './log-chunk';
import type { RunSink } from './run-emitter';

/** An index chunk grows until it covers this many bytes, then a new one starts (pages stay cheap to read). */
const MAX_CHUNK_BYTES = 1 << 20;
const NEWLINE = Buffer.from('\n');

/** A chunk being extended, and whether its last line ended with a line break (only then can another follow it). */
type OpenChunk = StoredChunk & { terminated: boolean };

interface LogFile {
  fd: number;
  /** Its name in the run's log folder. */
  name: string;
  /** Bytes in the file once `pending` is written. */
  size: number;
  /** Blocks (each followed by a newline buffer) waiting for the next write. */
  pending: Buffer[];
}

/** Pending log bytes are written at the latest when they reach this size (and at every flush). */
const MAX_PENDING_BYTES = 8 << 20;
/** writev takes at most IOV_MAX (1024 on Linux) buffers per call. */
const MAX_IOVECS = 1024;

/**
 * Commits every `flushMs` in one transaction (and at once on run.finished), so a busy run costs a handful of
 * transactions per second instead of one per line or event. Log bytes are written to their files (a few writev calls
 * per node, not one per read) right before the index rows that point at them are committed, and only indexed lines
 * are ever read back, so a crash in between loses nothing that was shown.
 */
export class StoreSink implements RunSink {
  private events: RunEvent[] = [];
  private closed: StoredChunk[] = [];
  private readonly open = new Map<string, OpenChunk>();
  private readonly files = new Map<string, LogFile>();
  private writes: (() => void)[] = [];
  private readonly logLines = new Map<string, number>();
  private lastSeq = 0;
  private pendingBytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Nodes whose log file cannot be written (full disk, …): their later lines are not indexed. */
  private readonly broken = new Set<string>();
  private failed = false;

  constructor(
    private readonly runId: string,
    private readonly runs: RunsRepo,
    private readonly logRepo: RunLogsRepo,
    /** Called once, on the first write that fails; the run is then stopped (RunService). */
    private readonly onError: (error: Error) => void = () => undefined,
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
    if (this.broken.has(chunk.nodeId)) return;
    const place = chunk.file !== undefined ? { file: chunk.file, offset: chunk.byteOffset!, length: chunk.bytes.length + (chunk.terminated ? 1 : 0) } : this.append(chunk);
    if (!place) return;
    const open = this.open.get(chunk.nodeId);
    if (
      open &&
      open.terminated &&
      open.file === place.file &&
      open.stream === chunk.stream &&
      open.firstLine + open.count === chunk.firstLine &&
      open.byteOffset + open.byteLength === place.offset &&
      open.byteLength < MAX_CHUNK_BYTES
    ) {
      open.count += chunk.count;
      open.byteLength += place.length;
      open.terminated = chunk.terminated;
      const last = open.seqRuns[open.seqRuns.length - 1]!;
      if (last[0] + last[1] === chunk.firstSeq) last[1] += chunk.count;
      else open.seqRuns.push([chunk.firstSeq, chunk.count]);
    } else {
      if (open) this.closed.push(open);
      this.open.set(chunk.nodeId, {
        runId: chunk.runId,
        nodeId: chunk.nodeId,
        stream: chunk.stream,
        file: place.file,
        firstLine: chunk.firstLine,
        streamLine: chunk.streamLine,
        count: chunk.count,
        seqRuns: [[chunk.firstSeq, chunk.count]],
        byteOffset: place.offset,
        byteLength: place.length,
        terminated: chunk.terminated,
      });
    }
    this.logLines.set(chunk.nodeId, chunk.firstLine + chunk.count);
    this.lastSeq = chunk.firstSeq + chunk.count - 1;
    if (this.pendingBytes >= MAX_PENDING_BYTES) this.flush();
    else this.schedule();
  }

  /** Reports a failure to store the run that happened elsewhere (a node's log files could not be opened). */
  reportFailure(error: Error): void {
    this.fail(error);
  }

  /** Queues the runner's own lines for the node's `.log` file; returns where they will be. */
  private append(chunk: LogChunk): { file: string; offset: number; length: number } | undefined {
    const file = this.file(chunk.nodeId);
    if (!file) return undefined;
    const offset = file.size;
    const length = chunk.bytes.length + 1;
    file.size += length;
    file.pending.push(Buffer.from(chunk.bytes), NEWLINE);
    this.pendingBytes += length;
    return { file: file.name, offset, length };
  }

  /** Runs `write` inside the next batch transaction (cache entries, artifact rows). */
  defer(write: () => void): void {
    this.writes.push(write);
    this.schedule();
  }

  /** True while something waits to be committed (after a failed flush: until one succeeds). */
  get pending(): boolean {
    return this.closed.length > 0 || this.open.size > 0 || this.events.length > 0 || this.writes.length > 0;
  }

  /** Commits everything pending now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const chunks: StoredChunk[] = [...this.closed, ...this.open.values()];
    if (chunks.length === 0 && this.events.length === 0 && this.writes.length === 0) return;
    const { events, writes } = this;
    const lines = [...this.logLines];
    this.events = [];
    this.closed = [];
    this.open.clear();
    this.writes = [];
    this.logLines.clear();
    const lastSeq = this.lastSeq;
    this.writePending();
    const indexed = chunks.filter((chunk) => !this.broken.has(chunk.nodeId));
    try {
      this.runs.transaction(() => {
        for (const chunk of indexed) this.logRepo.add(chunk);
        for (const [nodeId, count] of lines) this.runs.noteLogLines(this.runId, nodeId, count);
        for (const event of events) this.runs.applyEvent(event);
        for (const write of writes) write();
        this.runs.noteLastSeq(this.runId, lastSeq);
      });
    } catch (error) {
      // Keep the batch: the next flush tries again (a disk that filled up may have room again).
      this.closed = [...indexed, ...this.closed];
      this.events = [...events, ...this.events];
      this.writes = [...writes, ...this.writes];
      for (const [nodeId, count] of lines) this.logLines.set(nodeId, Math.max(count, this.logLines.get(nodeId) ?? 0));
      this.fail(error as Error);
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.onError(error);
  }

  private writePending(): void {
    for (const [nodeId, file] of this.files) this.write(nodeId, file);
    this.pendingBytes = 0;
  }

  /** Writes a node's pending bytes; on failure its log is marked broken (nothing more is indexed) and the run told. */
  private write(nodeId: string, file: LogFile): number {
    try {
      return writeAll(file);
    } catch (error) {
      this.breakLog(nodeId, error as Error);
      return 0;
    }
  }

  private breakLog(nodeId: string, error: Error): void {
    this.broken.add(nodeId);
    const file = this.files.get(nodeId);
    if (file) {
      file.pending = [];
      closeSync(file.fd);
      this.files.delete(nodeId);
    }
    this.open.delete(nodeId);
    this.fail(new Error(`cannot write the log of ${nodeId}: ${error.message}`));
  }

  private file(nodeId: string): LogFile | undefined {
    let file = this.files.get(nodeId);
    if (!file) {
      const name = runnerLogFile(nodeId);
      const path = this.logRepo.filePath(this.runId, name);
      try {
        mkdirSync(dirname(path), { recursive: true });
        file = { fd: openSync(path, 'a'), name, size: 0, pending: [] };
      } catch (error) {
        this.breakLog(nodeId, error as Error);
        return undefined;
      }
      this.files.set(nodeId, file);
    }
    return file;
  }

  /** Closing needs no flush of the index: the node's last chunk is committed with its node.finished event. */
  private closeFile(nodeId: string): void {
    const file = this.files.get(nodeId);
    if (!file) return;
    this.pendingBytes -= this.write(nodeId, file);
    if (this.files.has(nodeId)) closeSync(file.fd);
    this.files.delete(nodeId);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }
}

/** Writes a file's pending blocks in writev calls of at most IOV_MAX buffers; returns the bytes written. */
function writeAll(file: LogFile): number {
  const buffers = file.pending;
  file.pending = [];
  let total = 0;
  for (let from = 0; from < buffers.length; from += MAX_IOVECS) {
    let batch = buffers.slice(from, from + MAX_IOVECS);
    let left = batch.reduce((n, b) => n + b.length, 0);
    total += left;
    for (;;) {
      const written = writevSync(file.fd, batch);
      left -= written;
      if (left <= 0) break;
      // A partial write (rare on regular files): write the rest as one buffer.
      batch = [Buffer.concat(batch).subarray(written)];
    }
  }
  return total;
}
