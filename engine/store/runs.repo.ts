// Runs, their nodes, their non-log events, metrics and artifacts in SQLite (logs: run-logs.repo.ts).
import { ApiError } from '../../shared/api/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { CacheReport } from '../../shared/runs/cache-report';
import type { MetricPoint } from '../../shared/runs/metrics-file';
import type { LineInProgress, RunEvent } from '../../shared/runs/run-events';
import type { RunOptions } from '../../shared/runs/run-options';
import type { ArtifactInfo, RunDetail, RunNodeRecord, RunSummary } from '../../shared/runs/run-record';
import type { NodeState, ProcessStream, RunStatus, RunTrigger } from '../../shared/runs/run-status';
import { writeTransaction, type Db } from './database';
import { cancelRequestedAmong } from './cancel-requests';

/** What a new run row needs. */
export interface NewRun {
  id: string;
  pipelineId: string | null;
  pipelineName: string;
  pipelineRevision: number | null;
  document: Pipeline;
  baseDir: string;
  params: Record<string, string | number | boolean>;
  options: RunOptions;
  trigger: RunTrigger;
  ownerPid: number;
  ownerStart: string | null;
  startedAt: string;
  /** Node ids in scope, in topological order. */
  nodeIds: string[];
}

/** A stored artifact row, with its path on disk (never sent to clients). */
export interface ArtifactRow extends ArtifactInfo {
  path: string;
}

/** What a terminal shows of a node's unfinished line, per stream that has one. */
export type LinesInProgressOfNode = Partial<Record<ProcessStream, string>>;

/** A run still marked running, for crash recovery. */
export interface RunningRunRow {
  id: string;
  ownerPid: number;
  ownerStart: string | null;
  lastSeq: number;
  startedAt: string;
}

interface RunRow {
  id: string;
  pipeline_id: string | null;
  pipeline_name: string;
  pipeline_revision: number | null;
  document: string;
  base_dir: string;
  params: string;
  options: string;
  trigger: RunTrigger;
  status: RunStatus;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  last_seq: number;
}

interface NodeRow {
  node_id: string;
  status: NodeState;
  attempts: number;
  pid: number | null;
  exit_code: number | null;
  error: string | null;
  cached: number;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  cache: string | null;
  peak_rss_bytes: number | null;
  cpu_ms: number | null;
  log_lines: number;
}

/** Data access for runs. Writes come from the store sink in batched transactions; reads serve the API and CLI. */
export class RunsRepo {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertEvent: db.prepare('INSERT INTO run_events (run_id, seq, payload) VALUES (?, ?, ?)'),
      nodeStarted: db.prepare(
        `UPDATE run_nodes SET status = 'running', pid = ?, attempts = ?, started_at = COALESCE(started_at, ?) WHERE run_id = ? AND node_id = ?`,
      ),
      nodeFinished: db.prepare(
        `UPDATE run_nodes SET status = ?, exit_code = ?, error = ?, cached = ?, attempts = ?, finished_at = ?, duration_ms = ?,
           peak_rss_bytes = COALESCE(?, peak_rss_bytes), cpu_ms = COALESCE(?, cpu_ms) WHERE run_id = ? AND node_id = ?`,
      ),
      nodeCache: db.prepare('UPDATE run_nodes SET cache = ? WHERE run_id = ? AND node_id = ?'),
      nodeTelemetry: db.prepare('UPDATE run_nodes SET peak_rss_bytes = ?, cpu_ms = ? WHERE run_id = ? AND node_id = ?'),
      nodeLogLines: db.prepare('UPDATE run_nodes SET log_lines = ? WHERE run_id = ? AND node_id = ?'),
      nodeLinesInProgress: db.prepare('UPDATE run_nodes SET lines_in_progress = ? WHERE run_id = ? AND node_id = ?'),
      metric: db.prepare('INSERT OR REPLACE INTO run_metrics (run_id, node_id, name, value) VALUES (?, ?, ?, ?)'),
      lastSeq: db.prepare('UPDATE runs SET last_seq = max(last_seq, ?) WHERE id = ?'),
      runFinished: db.prepare('UPDATE runs SET status = ?, error = ?, finished_at = ?, duration_ms = ? WHERE id = ?'),
      artifact: db.prepare(
        `INSERT OR REPLACE INTO run_artifacts (run_id, node_id, port, type, kind, path, hash, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Runs `work` in one write transaction (the store sink's batches). */
  transaction(work: () => void): void {
    writeTransaction(this.db, work);
  }

  create(run: NewRun): void {
    this.transaction(() => {
      this.db
        .prepare(
          // Past every rowid a run ever had, deleted ones included: other processes find new runs by rowid.
          `INSERT INTO runs (rowid, id, pipeline_id, pipeline_name, pipeline_revision, document, base_dir, params, options,
             trigger, status, owner_pid, owner_start, started_at)
           VALUES (max(coalesce((SELECT max(rowid) FROM runs), 0), coalesce((SELECT max(run_rowid) FROM run_deletions), 0)) + 1,
             ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
        )
        .run(
          run.id,
          run.pipelineId,
          run.pipelineName,
          run.pipelineRevision,
          JSON.stringify(run.document),
          run.baseDir,
          JSON.stringify(run.params),
          JSON.stringify(run.options),
          run.trigger,
          run.ownerPid,
          run.ownerStart,
          run.startedAt,
        );
      const node = this.db.prepare(`INSERT INTO run_nodes (run_id, node_id, position, status) VALUES (?, ?, ?, 'queued')`);
      run.nodeIds.forEach((nodeId, position) => node.run(run.id, nodeId, position));
    });
  }

  /**
   * Applies one event to the rows it changes and keeps it for replay — except telemetry samples (their peaks are in
   * run_nodes) and node.queued (every node of run.started starts queued), which replay would not change. Call inside
   * `transaction`.
   */
  applyEvent(event: RunEvent): void {
    const s = this.statements;
    if (event.type !== 'node.telemetry' && event.type !== 'node.queued') s.insertEvent.run(event.runId, event.seq, JSON.stringify(event));
    const at = new Date(event.at).toISOString();
    switch (event.type) {
      case 'node.started':
        s.nodeStarted.run(event.pid, event.attempt, at, event.runId, event.nodeId);
        break;
      case 'node.finished':
        s.nodeFinished.run(
          event.status,
          event.exitCode,
          event.error ?? null,
          event.cached ? 1 : 0,
          event.attempts,
          at,
          event.durationMs,
          event.peakRssBytes ?? null,
          event.cpuMs ?? null,
          event.runId,
          event.nodeId,
        );
        break;
      case 'node.cache':
        s.nodeCache.run(JSON.stringify(event.report), event.runId, event.nodeId);
        break;
      case 'node.telemetry':
        s.nodeTelemetry.run(event.peakRssBytes, event.cpuMs, event.runId, event.nodeId);
        break;
      case 'node.metric':
        s.metric.run(event.runId, event.nodeId, event.name, event.value);
        break;
      case 'run.finished':
        s.runFinished.run(event.status, event.error ?? null, at, event.durationMs, event.runId);
        break;
      default:
        break;
    }
  }

  /** Records how many log lines a node has. Call inside `transaction`. */
  noteLogLines(runId: string, nodeId: string, lines: number): void {
    this.statements.nodeLogLines.run(lines, runId, nodeId);
  }

  /** Records what a terminal shows of a node's unfinished lines (null: none). Call inside `transaction`. */
  noteLinesInProgress(runId: string, nodeId: string, lines: LinesInProgressOfNode | null): void {
    this.statements.nodeLinesInProgress.run(lines && JSON.stringify(lines), runId, nodeId);
  }

  /** The unfinished lines of the run's nodes, as their process last showed them. */
  linesInProgress(runId: string): LineInProgress[] {
    const rows = this.db.prepare('SELECT node_id, lines_in_progress FROM run_nodes WHERE run_id = ? AND lines_in_progress IS NOT NULL').all(runId) as {
      node_id: string;
      lines_in_progress: string;
    }[];
    return rows.flatMap((row) =>
      Object.entries(JSON.parse(row.lines_in_progress) as Record<ProcessStream, string>).map(([stream, text]) => ({ nodeId: row.node_id, stream: stream as ProcessStream, text })),
    );
  }

  /** Records the highest seq written so far (once per batch). Call inside `transaction`. */
  noteLastSeq(runId: string, lastSeq: number): void {
    this.statements.lastSeq.run(lastSeq, runId);
  }

  addArtifact(runId: string, artifact: ArtifactRow): void {
    this.statements.artifact.run(runId, artifact.nodeId, artifact.port, artifact.type, artifact.kind, artifact.path, artifact.hash, artifact.size);
  }

  list(options: { pipelineId?: string; limit: number }): RunSummary[] {
    const rows = (
      options.pipelineId
        ? this.db.prepare('SELECT * FROM runs WHERE pipeline_id = ? ORDER BY started_at DESC LIMIT ?').all(options.pipelineId, options.limit)
        : this.db.prepare('SELECT * FROM runs ORDER BY started_at DESC LIMIT ?').all(options.limit)
    ) as RunRow[];
    return rows.map((row) => this.summaryOf(row));
  }

  /**
   * Deletes finished runs' rows; their nodes, events, log index, metrics, artifacts, tags and notes go with them (ON
   * DELETE CASCADE). Call inside a write transaction. An unknown id is not_found, a running run a conflict: then
   * nothing is deleted.
   */
  delete(runIds: readonly string[]): void {
    const running = runIds.filter((id) => this.row(id).status === 'running');
    if (running.length > 0) {
      throw new ApiError('conflict', `${running.length === 1 ? 'run' : 'runs'} ${running.join(', ')} still running; cancel first, then delete`);
    }
    const note = this.db.prepare(
      'INSERT INTO run_deletions (run_id, run_rowid, deleted_by, deleted_at) SELECT id, rowid, ?, ? FROM runs WHERE id = ?',
    );
    const remove = this.db.prepare('DELETE FROM runs WHERE id = ?');
    const at = new Date().toISOString();
    for (const id of runIds) {
      note.run(process.pid, at, id);
      remove.run(id);
    }
  }

  /** The latest deletion's seq (0: none yet): deletions after it are new to a process that follows the store. */
  lastDeletion(): number {
    return (this.db.prepare('SELECT max(seq) FROM run_deletions').pluck().get() as number | null) ?? 0;
  }

  /** Runs deleted after deletion `seq`, oldest first, with the process that deleted each. */
  deletedAfter(seq: number): { seq: number; runId: string; deletedBy: number }[] {
    return this.db.prepare('SELECT seq, run_id AS runId, deleted_by AS deletedBy FROM run_deletions WHERE seq > ? ORDER BY seq').all(seq) as {
      seq: number;
      runId: string;
      deletedBy: number;
    }[];
  }

  /** Ids of every run ever deleted. */
  deletedIds(): Set<string> {
    return new Set(this.db.prepare('SELECT run_id FROM run_deletions').pluck().all() as string[]);
  }

  /** One row of the runs list, or a not_found error. */
  summary(runId: string): RunSummary {
    return this.summaryOf(this.row(runId));
  }

  /** The run with every node, or a not_found error. */
  get(runId: string): RunDetail {
    const row = this.row(runId);
    const metrics = new Map<string, Record<string, number>>();
    const metricRows = this.db.prepare('SELECT node_id, name, value FROM run_metrics WHERE run_id = ?').all(runId) as {
      node_id: string;
      name: string;
      value: number;
    }[];
    for (const m of metricRows) {
      const forNode = metrics.get(m.node_id) ?? {};
      forNode[m.name] = m.value;
      metrics.set(m.node_id, forNode);
    }
    const series = this.metricSeries(runId);
    const nodes = (this.db.prepare('SELECT * FROM run_nodes WHERE run_id = ? ORDER BY position').all(runId) as NodeRow[]).map((n) =>
      toNodeRecord(n, metrics.get(n.node_id) ?? {}, series.get(n.node_id)),
    );
    return {
      ...this.summaryOf(row),
      document: JSON.parse(row.document) as Pipeline,
      options: JSON.parse(row.options) as RunOptions,
      baseDir: row.base_dir,
      nodes,
      lastSeq: row.last_seq,
    };
  }

  /**
   * Each node's metric series, from its stored points (node.metric events with a step) in order; a retry's start
   * (node.started of attempt 2 on) begins them again, as the live view does.
   */
  private metricSeries(runId: string): Map<string, Record<string, MetricPoint[]>> {
    const payloads = this.db
      .prepare(`SELECT payload FROM run_events WHERE run_id = ? AND (payload LIKE '{"type":"node.metric"%"step":%' OR payload LIKE '{"type":"node.started"%') ORDER BY seq`)
      .pluck()
      .all(runId) as string[];
    const series = new Map<string, Record<string, MetricPoint[]>>();
    for (const payload of payloads) {
      const event = JSON.parse(payload) as RunEvent;
      if (event.type === 'node.started' && event.attempt > 1) series.delete(event.nodeId);
      if (event.type !== 'node.metric' || event.step === undefined) continue;
      const forNode = series.get(event.nodeId) ?? {};
      (forNode[event.name] ??= []).push({ step: event.step, value: event.value });
      series.set(event.nodeId, forNode);
    }
    return series;
  }

  /** Highest event seq stored for the run (a not_found error for an unknown run). */
  lastSeq(runId: string): number {
    return this.row(runId).last_seq;
  }

  /** Stored events (log lines excepted) with seq > `afterSeq`, in order. */
  eventsAfter(runId: string, afterSeq: number): RunEvent[] {
    const rows = this.db.prepare('SELECT payload FROM run_events WHERE run_id = ? AND seq > ? ORDER BY seq').all(runId, afterSeq) as {
      payload: string;
    }[];
    return rows.map((r) => JSON.parse(r.payload) as RunEvent);
  }

  artifacts(runId: string, nodeId?: string): ArtifactRow[] {
    this.row(runId);
    const rows = (
      nodeId
        ? this.db.prepare('SELECT * FROM run_artifacts WHERE run_id = ? AND node_id = ? ORDER BY node_id, port').all(runId, nodeId)
        : this.db.prepare('SELECT * FROM run_artifacts WHERE run_id = ? ORDER BY node_id, port').all(runId)
    ) as { node_id: string; port: string; type: string; kind: 'file' | 'directory'; path: string; hash: string; size: number }[];
    return rows.map((r) => ({
      nodeId: r.node_id,
      port: r.port,
      type: r.type,
      kind: r.kind,
      path: r.path,
      hash: r.hash,
      size: r.size,
      fileName: r.path.split(/[\\/]/).pop() ?? r.port,
    }));
  }

  /**
   * The process running `runId` when it is a `pipewright run` that runs it alone (trigger cli, not a sweep's run) and
   * its start token is known (so a reused pid is never mistaken for it); undefined otherwise.
   */
  soleCliOwner(runId: string): { pid: number; start: string } | undefined {
    const row = this.db
      .prepare(
        `SELECT owner_pid, owner_start FROM runs r WHERE id = ? AND status = 'running' AND trigger = 'cli' AND owner_start IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM sweep_runs s WHERE s.run_id = r.id)`,
      )
      .get(runId) as { owner_pid: number; owner_start: string } | undefined;
    return row ? { pid: row.owner_pid, start: row.owner_start } : undefined;
  }

  running(): RunningRunRow[] {
    const rows = this.db.prepare(`SELECT id, owner_pid, owner_start, last_seq, started_at FROM runs WHERE status = 'running'`).all() as {
      id: string;
      owner_pid: number;
      owner_start: string | null;
      last_seq: number;
      started_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, ownerPid: r.owner_pid, ownerStart: r.owner_start, lastSeq: r.last_seq, startedAt: r.started_at }));
  }

  /** Asks whoever runs `runId` to cancel it (they look for requests); false when it is not running. */
  requestCancel(runId: string): boolean {
    return this.db.prepare(`UPDATE runs SET cancel_requested_at = ? WHERE id = ? AND status = 'running'`).run(new Date().toISOString(), runId).changes > 0;
  }

  /** Which of `runIds` were asked to cancel. */
  cancelRequested(runIds: readonly string[]): string[] {
    return cancelRequestedAmong(this.db, 'runs', runIds);
  }

  /** The rowid of the newest run (0 when none): runs created later have larger ones. */
  newestRowid(): number {
    return (this.db.prepare('SELECT max(rowid) FROM runs').pluck().get() as number | null) ?? 0;
  }

  /** Runs created after the one with `rowid`, oldest first, with the process that runs (or ran) each. */
  createdAfter(rowid: number): { rowid: number; id: string; ownerPid: number }[] {
    return this.db.prepare('SELECT rowid, id, owner_pid AS ownerPid FROM runs WHERE rowid > ? ORDER BY rowid').all(rowid) as {
      rowid: number;
      id: string;
      ownerPid: number;
    }[];
  }

  /** Ids of the nodes of `runId` not yet in a final state. */
  unfinishedNodes(runId: string): string[] {
    return this.db.prepare(`SELECT node_id FROM run_nodes WHERE run_id = ? AND status IN ('queued', 'running')`).pluck().all(runId) as string[];
  }

  private summaryOf(row: RunRow): RunSummary {
    const counts: RunSummary['counts'] = {};
    const rows = this.db.prepare('SELECT status, count(*) AS n FROM run_nodes WHERE run_id = ? GROUP BY status').all(row.id) as {
      status: NodeState;
      n: number;
    }[];
    for (const r of rows) counts[r.status] = r.n;
    return {
      id: row.id,
      pipelineName: row.pipeline_name,
      pipelineId: row.pipeline_id,
      pipelineRevision: row.pipeline_revision,
      status: row.status,
      trigger: row.trigger,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      durationMs: row.duration_ms,
      params: JSON.parse(row.params) as RunSummary['params'],
      counts,
      error: row.error,
    };
  }

  private row(runId: string): RunRow {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
    if (row) return row;
    // A link to a deleted run (a cached node's source, a model's lineage, a sweep) says what became of it.
    const deleted = this.db.prepare('SELECT deleted_at FROM run_deletions WHERE run_id = ?').pluck().get(runId) as string | undefined;
    throw new ApiError('not_found', deleted ? `run ${runId} was deleted (${deleted})` : `no run with id ${runId}`);
  }
}

function toNodeRecord(n: NodeRow, metrics: Record<string, number>, metricSeries: Record<string, MetricPoint[]> | undefined): RunNodeRecord {
  return {
    nodeId: n.node_id,
    status: n.status,
    attempts: n.attempts,
    pid: n.pid,
    exitCode: n.exit_code,
    error: n.error,
    cached: n.cached === 1,
    startedAt: n.started_at,
    finishedAt: n.finished_at,
    durationMs: n.duration_ms,
    cache: n.cache ? (JSON.parse(n.cache) as CacheReport) : null,
    peakRssBytes: n.peak_rss_bytes,
    cpuMs: n.cpu_ms,
    logLines: n.log_lines,
    metrics,
    ...(metricSeries ? { metricSeries } : {}),
  };
}
