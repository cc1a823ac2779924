// Experiment tracking as the engine hosts it: the table query, annotations, comparison, metric history, lineage,
// reports and sweeps — one object per engine over its database and runner.
import { ApiError, type SweepChangedEvent } from '../../shared/api/index';
import type { MetricHistory, ModelLineageRecord, RunComparison, RunLineage } from '../../shared/tracking/experiment-records';
import { metricGoal, type MetricGoal } from '../../shared/tracking/metric-goal';
import { markRegressions } from '../../shared/tracking/metric-history';
import { processAlive } from '../runner/process-group';
import type { RunService } from '../runner/run-service';
import type { Db } from '../store/database';
import type { ModelsRepo } from '../store/models.repo';
import { SweepsRepo } from '../store/sweeps.repo';
import { unlessUnwritable } from '../store/store-failure';
import { TrackingRepo } from '../store/tracking.repo';
import { ExperimentQueries } from './experiment-query';
import { ForeignSweepFollower } from './foreign-sweep-follower';
import { compareRuns } from './run-comparison';
import { SweepLauncher } from './sweep-launcher';

export class TrackingService {
  readonly repo: TrackingRepo;
  readonly sweepsRepo: SweepsRepo;
  readonly queries: ExperimentQueries;
  readonly sweeps: SweepLauncher;
  private follower: ForeignSweepFollower | undefined;

  constructor(
    private readonly db: Db,
    private readonly runner: RunService,
    private readonly models: ModelsRepo,
  ) {
    this.repo = new TrackingRepo(db);
    this.sweepsRepo = new SweepsRepo(db);
    this.queries = new ExperimentQueries(db, this.repo);
    this.sweeps = new SweepLauncher(runner, this.sweepsRepo);
    this.recoverSweeps();
  }

  /**
   * Runs and sweeps whose process died while this engine was open (a CLI run or sweep killed meanwhile) become
   * interrupted — called before answering about them, so they never show as running for a dead process.
   */
  recoverAbandoned(): void {
    this.runner.recover();
    this.recoverSweeps();
  }

  /** Publishes the progress of sweeps other processes run, as own sweeps publish theirs (hosts with a UI). */
  followOtherProcesses(publish: (event: SweepChangedEvent) => void): void {
    this.follower ??= new ForeignSweepFollower(this.sweepsRepo, (id) => this.sweeps.isActive(id), publish, () => this.recoverSweeps());
    this.follower.start();
  }

  /** Like RunService.recover: skipped while the store cannot be written, so reads go on. */
  private recoverSweeps(): void {
    unlessUnwritable(() => this.sweepsRepo.recover(processAlive), []);
  }

  compare(runIds: readonly string[], metric?: string): RunComparison {
    for (const id of runIds) this.runner.flush(id);
    return compareRuns(runIds, { runs: this.runner.runs, tracking: this.repo }, metric);
  }

  /** The comparison (or one run) as a self-contained HTML file. */
  async report(runIds: readonly string[], metric?: string): Promise<{ fileName: string; html: string }> {
    const comparison = this.compare(runIds, metric);
    // Loaded on demand: ECharts is a large module that every other CLI command and node process would pay for.
    const { buildHtmlReport, reportFileName } = await import('./html-report');
    return { fileName: reportFileName(comparison), html: buildHtmlReport(comparison) };
  }

  /** A metric over the visible runs of a pipeline, oldest first, regressions marked. */
  history(pipelineName: string, metric: string, options: { goal?: MetricGoal; tolerance?: number } = {}): MetricHistory {
    const rows = this.db
      .prepare(
        `SELECT r.id, r.started_at, r.pipeline_revision, mv.value FROM runs r
         JOIN run_metric_values mv ON mv.run_id = r.id AND mv.name = ?
         LEFT JOIN run_annotations a ON a.run_id = r.id
         WHERE r.pipeline_name = ? COLLATE NOCASE AND COALESCE(a.hidden, 0) = 0
         ORDER BY r.started_at, r.id`,
      )
      .all(metric, pipelineName) as { id: string; started_at: string; pipeline_revision: number | null; value: number }[];
    const goal = options.goal ?? metricGoal(metric);
    const points = rows.map((r) => ({ runId: r.id, startedAt: r.started_at, revision: r.pipeline_revision, value: r.value }));
    return { pipelineName, metric, goal, points: markRegressions(points, goal, options.tolerance ?? 0) };
  }

  /** What a run ran and what it registered. */
  lineage(runId: string): RunLineage {
    const run = this.repo.row(runId);
    const dataHashes: Record<string, string> = {};
    for (const artifact of this.runner.runs.artifacts(runId)) {
      if (artifact.type === 'dataset') dataHashes[`${artifact.nodeId}.${artifact.port}`] = artifact.hash;
    }
    return { run, dataHashes, models: this.models.byRun(runId) };
  }

  /** A registered model version back to its run (null when the run is gone or never existed). */
  modelLineage(name: string, version: number): ModelLineageRecord {
    const record = this.models.version(name, version);
    const runId = record.lineage.runId;
    if (!runId) return { version: record, run: null };
    try {
      return { version: record, run: this.lineage(runId) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return { version: record, run: null };
      throw error;
    }
  }

  /** The engine is closing. */
  shutdown(): void {
    this.follower?.stop();
    this.sweeps.shutdown();
  }
}
