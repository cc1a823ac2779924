// Node logs in SQLite as chunks of lines with a line index: pages by line number, search, and resume by seq.
import { fairShares } from '../../shared/runs/fair-share';
import type { LogGap, NodeLogEvent } from '../../shared/runs/run-events';
import type { LogLine, LogPage } from '../../shared/runs/run-record';
import type { LogStream } from '../../shared/runs/run-status';
import type { Db } from './database';

/** A chunk as stored: consecutive lines of one node and stream; `seqRuns` maps its lines to event seqs. */
export interface StoredChunk {
  runId: string;
  nodeId: string;
  stream: LogStream;
  firstLine: number;
  streamLine: number;
  count: number;
  /** `[firstSeq, count]` pairs covering the chunk's lines in order. */
  seqRuns: [number, number][];
  text: string;
}

interface ChunkRow {
  node_id: string;
  stream: LogStream;
  first_line: number;
  stream_line: number;
  line_count: number;
  seq_runs: string;
  text: string;
}

export class RunLogsRepo {
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO run_log_chunks (run_id, node_id, stream, first_line, stream_line, line_count, last_seq, seq_runs, text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Stores one chunk. Call inside the store sink's transaction. */
  add(chunk: StoredChunk): void {
    const last = chunk.seqRuns[chunk.seqRuns.length - 1]!;
    this.insert.run(
      chunk.runId,
      chunk.nodeId,
      chunk.stream,
      chunk.firstLine,
      chunk.streamLine,
      chunk.count,
      last[0] + last[1] - 1,
      JSON.stringify(chunk.seqRuns),
      chunk.text,
    );
  }

  /**
   * Lines `from` … `from + count - 1` of a node's log. With `stream`, line numbers count within that stream (what a
   * stream filter shows); without, across all streams.
   */
  page(runId: string, nodeId: string, from: number, count: number, stream?: LogStream): LogPage {
    const [lineColumn, streamClause, args] = stream ? ['stream_line', 'AND stream = ?', [stream]] : ['first_line', '', []];
    const rows = this.db
      .prepare(
        `SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? ${streamClause}
           AND ${lineColumn} >= coalesce((SELECT max(${lineColumn}) FROM run_log_chunks
                WHERE run_id = ? AND node_id = ? ${streamClause} AND ${lineColumn} <= ?), 0)
           AND ${lineColumn} < ? ORDER BY ${lineColumn}`,
      )
      .all(runId, nodeId, ...args, runId, nodeId, ...args, from, from + count) as ChunkRow[];
    const lines: LogLine[] = [];
    for (const row of rows) {
      const first = stream ? row.stream_line : row.first_line;
      const texts = row.text.split('\n');
      for (let i = Math.max(0, from - first); i < texts.length && first + i < from + count; i++) {
        lines.push({ line: first + i, stream: row.stream, text: texts[i]! });
      }
    }
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
    const rows = (
      stream
        ? this.db.prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? AND stream = ? ORDER BY stream_line').iterate(runId, nodeId, stream)
        : this.db.prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND node_id = ? ORDER BY first_line').iterate(runId, nodeId)
    ) as IterableIterator<ChunkRow>;
    for (const row of rows) {
      if (!row.text.toLowerCase().includes(needle)) continue;
      const first = stream ? row.stream_line : row.first_line;
      const texts = row.text.split('\n');
      for (let i = 0; i < texts.length; i++) {
        if (!texts[i]!.toLowerCase().includes(needle)) continue;
        if (lines.length === limit) {
          rows.return?.();
          return { lines, truncated: true };
        }
        lines.push(first + i);
      }
    }
    return { lines, truncated: false };
  }

  /**
   * The whole log (or one stream) as text blocks in line order, a few chunks per query: a download can pause between
   * blocks without holding the connection (better-sqlite3 allows no other statement while an iterator is open).
   */
  *texts(runId: string, nodeId: string, stream?: LogStream): Generator<string> {
    const column = stream ? 'stream_line' : 'first_line';
    const query = this.db.prepare(
      `SELECT ${column} AS line, text FROM run_log_chunks WHERE run_id = ? AND node_id = ? ${stream ? 'AND stream = ?' : ''}
         AND ${column} > ? ORDER BY ${column} LIMIT 16`,
    );
    for (let after = -1; ; ) {
      const rows = query.all(runId, nodeId, ...(stream ? [stream] : []), after) as { line: number; text: string }[];
      if (rows.length === 0) return;
      for (const row of rows) yield row.text;
      after = rows[rows.length - 1]!.line;
    }
  }

  /**
   * Log lines with seq > `afterSeq` as events, at most `maxLines` of them (the latest per node are kept); the rest
   * are reported as gaps to load with `page`.
   */
  linesAfter(runId: string, afterSeq: number, maxLines: number): { events: NodeLogEvent[]; gaps: LogGap[] } {
    const rows = this.db
      .prepare('SELECT * FROM run_log_chunks WHERE run_id = ? AND last_seq > ? ORDER BY first_line')
      .all(runId, afterSeq) as ChunkRow[];
    const perNode = new Map<string, NodeLogEvent[]>();
    for (const row of rows) {
      const texts = row.text.split('\n');
      const list = perNode.get(row.node_id) ?? [];
      perNode.set(row.node_id, list);
      let i = 0;
      for (const [firstSeq, count] of JSON.parse(row.seq_runs) as [number, number][]) {
        for (let k = 0; k < count; k++, i++) {
          const seq = firstSeq + k;
          if (seq <= afterSeq) continue;
          list.push({ type: 'node.log', runId, seq, at: 0, nodeId: row.node_id, stream: row.stream, text: texts[i]!, line: row.first_line + i });
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
}
