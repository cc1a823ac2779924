// Node logs: the bytes in append-only files in the run's `_logs` folder (a node's processes write `<node>.stdout.log`
// and `<node>.stderr.log`, the runner `<node>.log`), the line index (chunks of lines with their file, byte ranges,
// streams and event seqs) in SQLite. Pages by line number, stream filter, search, resume by seq, downloads.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fairShares } from '../../shared/runs/fair-share';
import type { LogGap, NodeLogEvent } from '../../shared/runs/run-events';
import type { LogLine, LogPage } from '../../shared/runs/run-record';
import type { LogStream } from '../../shared/runs/run-status';
import type { Db } from './database';

const NEWLINE = 10;

/** The file a node's processes append their stdout or stderr to (in the run's `_logs` folder). */
export function processLogFile(nodeId: string, stream: 'stdout' | 'stderr'): string {
  return `${nodeId}.${stream}.log`;
}

/** The file the runner appends its own lines about a node to (before log files per stream: every line). */
export function runnerLogFile(nodeId: string): string {
  return `${nodeId}.log`;
}

/** One indexed chunk: consecutive lines of one node and stream, `byteLength` bytes at `byteOffset` in `file`. */
export interface StoredChunk {
  runId: string;
  nodeId: string;
  stream: LogStream;
  /** The file's name in the run's `_logs` folder. */
  file: string;
  firstLine: number;
  streamLine: number;
  count: number;
  /** `[firstSeq, count]` pairs covering the chunk's lines in order. */
  seqRuns: [number, number][];
  byteOffset: number;
  byteLength: number;
}

interface ChunkRow {
  node_id: string;
  stream: LogStream;
  /** NULL in runs stored before log files per stream: the node's one `.log` file. */
  file: string | null;
  first_line: number;
  stream_line: number;
  line_count: number;
  seq_runs: string;
  byte_offset: number;
  byte_length: number;
}

export class RunLogsRepo {
  private readonly insert;

  constructor(
    private readonly db: Db,
    /** PIPEWRIGHT_HOME/artifacts: run folders live here. */
    private readonly artifactsRoot: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO run_log_chunks (run_id, node_id, stream, file, first_line, stream_line, line_count, last_seq, seq_runs, byte_offset, byte_length)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** The run's log folder. */
  folder(runId: string): string {
    return join(this.artifactsRoot, runId, '_logs');
  }

  /** Path of a log file of the run. */
  filePath(runId: string, file: string): string {
    return join(this.folder(runId), file);
  }

  /** Indexes one chunk whose bytes are already in the file. Call inside the store sink's transaction. */
  add(chunk: StoredChunk): void {
    const last = chunk.seqRuns[chunk.seqRuns.length - 1]!;
    this.insert.run(
      chunk.runId,
      chunk.nodeId,
      chunk.stream,
      chunk.file,
      chunk.firstLine,
      chunk.streamLine,
      chunk.count,
      last[0] + last[1] - 1,
      JSON.stringify(chunk.seqRuns),
      chunk.byteOffset,
      chunk.byteLength,
    );
  }

  /**
   * Lines `from` … `from + count - 1` of a node's log. With `stream`, line numbers count within that stream (what a
   * stream filter shows); without, across all streams.
   */
  page(runId: string, nodeId: string, from: number, count: number, stream?: LogStream): LogPage {
    const [column, clause, args] = stream ? ['stream_line', 'AND stream = ?', [stream]] : ['first_line', '', []];
    const rows = this.db
      .prepare(
        `SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? ${clause}
           AND ${column} >= coalesce((SELECT max(${column}) FROM run_log_chunks
                WHERE run_id = ? AND node_id = ? ${clause} AND ${column} <= ?), 0)
           AND ${column} < ? ORDER BY ${column}`,
      )
      .all(runId, nodeId, ...args, runId, nodeId, ...args, from, from + count) as ChunkRow[];
    const lines: LogLine[] = [];
    this.withFiles(runId, (read) => {
      for (const row of rows) {
        const first = stream ? row.stream_line : row.first_line;
        const texts = splitLines(read(row).toString('utf8'), row.line_count);
        for (let i = Math.max(0, from - first); i < texts.length && first + i < from + count; i++) {
          lines.push({ line: first + i, stream: row.stream, text: texts[i]! });
        }
      }
    });
    return { lines, total: this.total(runId, nodeId, stream) };
  }

  /** Lines in a node's log (or in one stream of it). */
  total(runId: string, nodeId: string, stream?: LogStream): number {
    const row = (
      stream
        ? this.db.prepare('SELECT coalesce(sum(line_count), 0) AS n FROM run_log_chunks WHERE run_id = ? AND node_id = ? AND stream = ?').get(runId, nodeId, stream)
        : this.db.prepare('SELECT coalesce(sum(line_count), 0) AS n FROM run_log_chunks WHERE run_id = ? AND node_id = ?').get(runId, nodeId)
    ) as { n: number };
    return row.n;
  }

  /** Line numbers (counted as `page` counts them) of lines containing `query`, case-insensitive, at most `limit`. */
  search(runId: string, nodeId: string, query: string, limit: number, stream?: LogStream): { lines: number[]; truncated: boolean } {
    const needle = query.toLowerCase();
    const lines: number[] = [];
    let truncated = false;
    this.withFiles(runId, (read) => {
      for (const row of this.chunks(runId, nodeId, stream)) {
        const text = read(row).toString('utf8');
        if (!text.toLowerCase().includes(needle)) continue;
        const first = stream ? row.stream_line : row.first_line;
        const texts = splitLines(text, row.line_count);
        for (let i = 0; i < texts.length; i++) {
          if (!texts[i]!.toLowerCase().includes(needle)) continue;
          if (lines.length === limit) {
            truncated = true;
            return;
          }
          lines.push(first + i);
        }
      }
    });
    return { lines, truncated };
  }

  /** The whole log (or one stream) as byte blocks in line order, each block ending in `\n` (downloads). */
  *blocks(runId: string, nodeId: string, stream?: LogStream): Generator<Buffer> {
    const rows = this.chunks(runId, nodeId, stream);
    const files = new LogFiles(this.folder(runId));
    try {
      for (const row of rows) {
        const bytes = files.read(row);
        // A process that ended mid-line left no line break; the next chunk starts a new line all the same.
        yield bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes;
      }
    } finally {
      files.close();
    }
  }

  /**
   * Log lines with seq > `afterSeq` as events, at most `maxLines` of them (each node's latest, shared fairly); the
   * rest are reported as gaps to load with `page`.
   */
  linesAfter(runId: string, afterSeq: number, maxLines: number): { events: NodeLogEvent[]; gaps: LogGap[] } {
    const rows = this.db.prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND last_seq > ? ORDER BY first_line').all(runId, afterSeq) as ChunkRow[];
    const perNode = new Map<string, NodeLogEvent[]>();
    const texts = this.withFiles(runId, (read) => rows.map((row) => splitLines(read(row).toString('utf8'), row.line_count)));
    for (const [r, row] of rows.entries()) {
      const list = perNode.get(row.node_id) ?? [];
      perNode.set(row.node_id, list);
      let i = 0;
      for (const [firstSeq, count] of JSON.parse(row.seq_runs) as [number, number][]) {
        for (let k = 0; k < count; k++, i++) {
          const seq = firstSeq + k;
          if (seq > afterSeq) list.push({ type: 'node.log', runId, seq, at: 0, nodeId: row.node_id, stream: row.stream, text: texts[r]![i] ?? '', line: row.first_line + i });
        }
      }
    }
    const lists = [...perNode];
    const shares = fairShares(lists.map(([, list]) => list.length), maxLines);
    const events: NodeLogEvent[] = [];
    const gaps: LogGap[] = [];
    lists.forEach(([nodeId, list], i) => {
      const keep = shares[i]!;
      if (keep < list.length) gaps.push({ nodeId, fromLine: list[0]!.line, count: list.length - keep });
      for (let k = list.length - keep; k < list.length; k++) events.push(list[k]!);
    });
    events.sort((a, b) => a.seq - b.seq);
    return { events, gaps };
  }

  private chunks(runId: string, nodeId: string, stream?: LogStream): ChunkRow[] {
    return (
      stream
        ? this.db.prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? AND stream = ? ORDER BY stream_line').all(runId, nodeId, stream)
        : this.db.prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? ORDER BY first_line').all(runId, nodeId)
    ) as ChunkRow[];
  }

  /** Runs `work` with a reader of chunk bytes; the files it opens are closed after. */
  private withFiles<T>(runId: string, work: (read: (row: ChunkRow) => Buffer) => T): T {
    const files = new LogFiles(this.folder(runId));
    try {
      return work((row) => files.read(row));
    } finally {
      files.close();
    }
  }
}

/** The log files of one run opened as chunks need them; a file that does not exist reads as empty. */
class LogFiles {
  private readonly open = new Map<string, number | null>();

  constructor(private readonly folder: string) {}

  read(row: ChunkRow): Buffer {
    const fd = this.fd(row.file ?? runnerLogFile(row.node_id));
    return fd === null ? Buffer.alloc(0) : readRange(fd, row);
  }

  close(): void {
    for (const fd of this.open.values()) if (fd !== null) closeSync(fd);
    this.open.clear();
  }

  private fd(file: string): number | null {
    let fd = this.open.get(file);
    if (fd === undefined) {
      try {
        fd = openSync(join(this.folder, file), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        fd = null;
      }
      this.open.set(file, fd);
    }
    return fd;
  }
}

function readRange(fd: number, row: ChunkRow): Buffer {
  const buffer = Buffer.allocUnsafe(row.byte_length);
  let read = 0;
  while (read < row.byte_length) {
    const n = readSync(fd, buffer, read, row.byte_length - read, row.byte_offset + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** The chunk's lines (each but maybe the last with a trailing `\n`; a `\r` before it is dropped). */
function splitLines(text: string, count: number): string[] {
  const lines = text.split('\n', count);
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  return lines;
}
