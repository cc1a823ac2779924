// Hyperparameter sweeps in SQLite: the spec, one row per combination with the run it launched, the sweep's status.
import { ApiError, type SweepChangedEvent } from '../../shared/api/index';
import type { SweepRecord, SweepRunRecord, SweepStatus, SweepSummary } from '../../shared/tracking/experiment-records';
import { bestRunBy, metricGoal, primaryMetric, type MetricGoal } from '../../shared/tracking/metric-goal';
import type { SweepSpec } from '../../shared/tracking/sweep';
import { writeTransaction, type Db } from './database';
import { cancelRequestedAmong } from './cancel-requests';

type ParamValue = string | number | boolean;

/** What a new sweep row needs: the sweep as described (no status or runs yet) and its combinations in order. */
export type NewSweep = Pick<SweepRecord, 'id' | 'pipelineId' | 'pipelineName' | 'pipelineRevision' | 'spec' | 'baseParams' | 'parallel' | 'metric'> & {
  /** null: judged from the metric's name. */
  goal: MetricGoal | null;
  combinations: Record<string, ParamValue>[];
};

interface SweepRow {
  id: string;
  pipeline_id: string | null;
  pipeline_name: string;
  pipeline_revision: number | null;
  spec: string;
  base_params: string;
  parallel: number;
  metric: string | null;
  goal: MetricGoal;
  status: SweepStatus;
  owner_pid: number;
  created_at: string;
  finished_at: string | null;
}

export class SweepsRepo {
  constructor(private readonly db: Db) {}

  create(sweep: NewSweep): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO sweeps (id, pipeline_id, pipeline_name, pipeline_revision, spec, base_params, parallel, metric, goal, status, owner_pid, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(
          sweep.id,
          sweep.pipelineId,
          sweep.pipelineName,
          sweep.pipelineRevision,
          JSON.stringify(sweep.spec),
          JSON.stringify(sweep.baseParams),
          sweep.parallel,
          sweep.metric,
          sweep.goal ?? (sweep.metric ? metricGoal(sweep.metric) : null) ?? 'max',
          process.pid,
          new Date().toISOString(),
        );
      const insert = this.db.prepare('INSERT INTO sweep_runs (sweep_id, position, params) VALUES (?, ?, ?)');
      sweep.combinations.forEach((params, position) => insert.run(sweep.id, position, JSON.stringify(params)));
    });
  }

  /** Records the run a combination launched. */
  setRun(sweepId: string, position: number, runId: string): void {
    this.db.prepare('UPDATE sweep_runs SET run_id = ? WHERE sweep_id = ? AND position = ?').run(runId, sweepId, position);
  }

  finish(sweepId: string, status: Exclude<SweepStatus, 'running'>): void {
    this.db.prepare(`UPDATE sweeps SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'`).run(status, new Date().toISOString(), sweepId);
  }

  /** Ids of the sweeps still running (here or in another process). */
  runningIds(): string[] {
    return this.db.prepare(`SELECT id FROM sweeps WHERE status = 'running'`).pluck().all() as string[];
  }

  /** Where a sweep stands: its status, and how many of its combinations' runs ended. */
  progress(sweepId: string): SweepChangedEvent {
    const sweep = this.get(sweepId);
    const done = sweep.runs.filter((r) => r.status !== 'pending' && r.status !== 'running').length;
    return { sweepId, status: sweep.status, done, total: sweep.runs.length };
  }

  /** Asks whoever runs the sweep to cancel it (they look for requests); false when it is not running. */
  requestCancel(sweepId: string): boolean {
    return this.db.prepare(`UPDATE sweeps SET cancel_requested_at = ? WHERE id = ? AND status = 'running'`).run(new Date().toISOString(), sweepId).changes > 0;
  }

  /** Which of `sweepIds` were asked to cancel. */
  cancelRequested(sweepIds: readonly string[]): string[] {
    return cancelRequestedAmong(this.db, 'sweeps', sweepIds);
  }

  /** Sweeps left running by a process that is gone become `interrupted`; returns their ids. */
  recover(isAlive: (pid: number) => boolean): string[] {
    const rows = this.db.prepare(`SELECT id, owner_pid FROM sweeps WHERE status = 'running'`).all() as { id: string; owner_pid: number }[];
    const dead = rows.filter((r) => r.owner_pid !== process.pid && !isAlive(r.owner_pid)).map((r) => r.id);
    for (const id of dead) this.finish(id, 'interrupted');
    return dead;
  }

  get(sweepId: string): SweepRecord {
    const row = this.db.prepare('SELECT * FROM sweeps WHERE id = ?').get(sweepId) as SweepRow | undefined;
    if (!row) throw new ApiError('not_found', `no sweep with id ${sweepId}`);
    const runs = this.runsOf(sweepId);
    return { ...this.base(row), runs, ...this.best(row, runs) };
  }

  /** Sweeps, newest first. */
  list(limit: number): SweepSummary[] {
    const rows = this.db.prepare('SELECT * FROM sweeps ORDER BY created_at DESC LIMIT ?').all(limit) as SweepRow[];
    return rows.map((row) => {
      const runs = this.runsOf(row.id);
      const done = runs.filter((r) => r.status !== 'pending' && r.status !== 'running').length;
      return { ...this.base(row), ...this.best(row, runs), total: runs.length, done };
    });
  }

  /**
   * Removes the finished sweeps that deleting `runIds` left without a single run; returns their ids. Call inside the
   * deletion's transaction, after the runs went.
   */
  removeEmptiedBy(runIds: readonly string[]): string[] {
    const touched = this.db.prepare('SELECT DISTINCT sweep_id FROM sweep_runs WHERE run_id = ?').pluck();
    const empty = this.db
      .prepare(
        `SELECT 1 FROM sweeps s WHERE s.id = ? AND s.status != 'running'
           AND NOT EXISTS (SELECT 1 FROM sweep_runs sr JOIN runs r ON r.id = sr.run_id WHERE sr.sweep_id = s.id)`,
      )
      .pluck();
    const remove = this.db.prepare('DELETE FROM sweeps WHERE id = ?');
    const sweepIds = new Set(runIds.flatMap((runId) => touched.all(runId) as string[]));
    const removed = [...sweepIds].filter((sweepId) => empty.get(sweepId) !== undefined);
    for (const sweepId of removed) remove.run(sweepId);
    return removed;
  }

  private runsOf(sweepId: string): SweepRunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT sr.position, sr.params, sr.run_id, r.status FROM sweep_runs sr LEFT JOIN runs r ON r.id = sr.run_id
         WHERE sr.sweep_id = ? ORDER BY sr.position`,
      )
      .all(sweepId) as { position: number; params: string; run_id: string | null; status: SweepRunRecord['status'] | null }[];
    const metrics = this.db
      .prepare('SELECT mv.run_id, mv.name, mv.value FROM sweep_runs sr JOIN run_metric_values mv ON mv.run_id = sr.run_id WHERE sr.sweep_id = ?')
      .all(sweepId) as { run_id: string; name: string; value: number }[];
    const byRun = new Map<string, Record<string, number>>();
    for (const m of metrics) byRun.set(m.run_id, { ...byRun.get(m.run_id), [m.name]: m.value });
    return rows.map((r) => ({
      position: r.position,
      params: JSON.parse(r.params) as Record<string, ParamValue>,
      runId: r.run_id,
      // A run deleted since (run.delete) leaves its combination without a run: it is neither pending nor finished.
      status: r.run_id === null ? 'pending' : (r.status ?? 'deleted'),
      metrics: (r.run_id && byRun.get(r.run_id)) || {},
    }));
  }

  /** The deciding metric (given, else the primary one the runs report) and the best finished run by it. */
  private best(row: SweepRow, runs: SweepRunRecord[]): { metric: string | null; goal: MetricGoal; bestRunId: string | null } {
    const metric = row.metric ?? primaryMetric([...new Set(runs.flatMap((r) => Object.keys(r.metrics)))]);
    const goal = row.metric ? row.goal : ((metric ? metricGoal(metric) : null) ?? row.goal);
    return { metric, goal, bestRunId: metric ? bestRunBy(runs, metric, goal) : null };
  }

  private base(row: SweepRow): Omit<SweepRecord, 'runs' | 'metric' | 'goal' | 'bestRunId'> {
    return {
      id: row.id,
      pipelineId: row.pipeline_id,
      pipelineName: row.pipeline_name,
      pipelineRevision: row.pipeline_revision,
      spec: JSON.parse(row.spec) as SweepSpec,
      baseParams: JSON.parse(row.base_params) as Record<string, ParamValue>,
      parallel: row.parallel,
      status: row.status,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }
}
