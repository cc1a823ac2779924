// The runner service the engine hosts: starts runs (plan → store → scheduler), cancels them, answers for active
// runs, and recovers runs a crashed engine left behind.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeType, type NodeTypeLookup } from '../../shared/nodes/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { RunEventBatch, RunFinishedEvent } from '../../shared/runs/run-events';
import type { RunOptions } from '../../shared/runs/run-options';
import type { RunsDeleted } from '../../shared/runs/run-record';
import type { RunTrigger } from '../../shared/runs/run-status';
import type { HomePaths } from '../home';
import { CacheRepo } from '../store/cache.repo';
import type { Db } from '../store/database';
import { RunLogsRepo } from '../store/run-logs.repo';
import { RunsRepo } from '../store/runs.repo';
import { SweepsRepo } from '../store/sweeps.repo';
import { storeFailureText, unlessUnwritable } from '../store/store-failure';
import { ArtifactStore } from './artifact-store';
import { FileHasher } from './cache-key';
import { CancelRequestWatcher } from './cancel-request-watcher';
import { ForeignRunFollower } from './foreign-run-follower';
import { LogFolder } from './node-files';
import { ownerAlive, processStartToken } from './owner-identity';
import { recoverInterruptedRuns } from './recover-runs';
import { deleteRuns } from './run-deletion';
import type { RunContext, RunnerSettings } from './run-context';
import { RunEmitter, type RunSink } from './run-emitter';
import { newRunId } from './run-id';
import { planRun } from './run-plan';
import { NodeProcessLauncher, type ProcessLauncher } from './process-launcher';
import { SpawnerClient } from './spawner/spawner-client';
import { Scheduler } from './scheduler';
import { StoreSink } from './store-sink';
import { StoredLinesInProgress } from './stored-lines-in-progress';
import { TelemetrySampler } from './telemetry';
import { UiBatcher, type PublishBatch } from './ui-batcher';

/** What to run. */
export interface StartRunRequest {
  pipeline: Pipeline;
  /** Folder relative paths resolve against, and the nodes' working directory. */
  baseDir: string;
  /** Stored pipeline id and revision, when it came from the database. */
  stored?: { id: string; revision: number };
  params: Record<string, unknown>;
  options: RunOptions;
  trigger: RunTrigger;
  /** Extra consumers of the stream (the CLI printer). */
  sinks?: RunSink[];
}

/** A run in progress. */
export interface ActiveRun {
  id: string;
  done: Promise<RunFinishedEvent>;
  cancel(): void;
}

interface Active {
  scheduler: Scheduler;
  store: StoreSink;
  ui?: UiBatcher;
}

export interface RunServiceDeps {
  db: Db;
  home: HomePaths;
  settings: RunnerSettings;
  /** Publishes UI batches; absent where no UI listens (the CLI). */
  publish?: PublishBatch;
  lookup?: NodeTypeLookup;
}

export class RunService {
  readonly runs: RunsRepo;
  readonly logs: RunLogsRepo;
  readonly cache: CacheRepo;
  private readonly active = new Map<string, Active>();
  /** Ended runs whose last writes failed (a full disk): retried whenever runs are recovered, until they are stored. */
  private readonly unsaved = new Set<StoreSink>();
  private readonly telemetry = new TelemetrySampler();
  private readonly objects: ArtifactStore;
  private readonly hasher: FileHasher;
  private readonly ownerStart = processStartToken(process.pid);
  private readonly launcher: ProcessLauncher;
  private follower: ForeignRunFollower | undefined;
  private readonly cancelRequests = new CancelRequestWatcher(
    () => [...this.active.keys()],
    (ids) => this.runs.cancelRequested(ids),
    (id) => this.cancel(id),
  );

  constructor(private readonly deps: RunServiceDeps) {
    this.runs = new RunsRepo(deps.db);
    this.logs = new RunLogsRepo(deps.db, deps.home.artifacts);
    this.cache = new CacheRepo(deps.db);
    this.objects = new ArtifactStore(deps.home.cache);
    this.hasher = new FileHasher(this.cache);
    this.launcher = new NodeProcessLauncher(deps.settings.spawners ? new SpawnerClient(deps.settings.spawners) : undefined);
  }

  /** Plans and starts a run; throws RunRefusedError (with problems) when the pipeline cannot run as asked. */
  start(request: StartRunRequest): ActiveRun {
    const plan = planRun(request.pipeline, { params: request.params, scope: request.options.scope, force: request.options.force, lookup: this.deps.lookup ?? getNodeType });
    const id = newRunId();
    const runDir = join(this.deps.home.artifacts, id);
    mkdirSync(join(runDir, '_metrics'), { recursive: true });
    this.runs.create({
      id,
      pipelineId: request.stored?.id ?? null,
      pipelineName: request.pipeline.name,
      pipelineRevision: request.stored?.revision ?? null,
      document: request.pipeline,
      baseDir: request.baseDir,
      params: plan.params,
      options: request.options,
      trigger: request.trigger,
      ownerPid: process.pid,
      ownerStart: this.ownerStart,
      startedAt: new Date().toISOString(),
      nodeIds: plan.order,
    });
    // The store reports write failures only once the run emits, which is after the scheduler below exists.
    const store = new StoreSink(id, this.runs, this.logs, (error) => scheduler.fail(`could not store the run (${storeFailureText(error) ?? error.message}); it was stopped`));
    const ui = this.deps.publish ? new UiBatcher(id, this.deps.publish) : undefined;
    const emitter = new RunEmitter(id, [store, new StoredLinesInProgress(id, this.runs, store), ...(ui ? [ui] : []), ...(request.sinks ?? [])]);
    const ctx: RunContext = {
      runId: id,
      pipelineName: request.pipeline.name,
      ...(request.stored ? { pipelineRevision: request.stored.revision } : {}),
      baseDir: request.baseDir,
      cwd: existsSync(request.baseDir) ? request.baseDir : process.cwd(),
      runDir,
      logFolder: new LogFolder(this.logs.folder(id)),
      plan,
      options: request.options,
      concurrency: request.options.concurrency ?? this.deps.settings.defaultConcurrency,
      emitter,
      store,
      cache: this.cache,
      runsRepo: this.runs,
      hasher: this.hasher,
      objects: this.objects,
      telemetry: this.telemetry,
      launcher: this.launcher,
      settings: this.deps.settings,
      // Nodes that write to the data home (deploy.register, deploy.serve) must use this engine's, not the default one.
      baseEnv: { ...process.env, PIPEWRIGHT_HOME: this.deps.home.root },
    };
    const scheduler = new Scheduler(ctx);
    this.active.set(id, { scheduler, store, ...(ui ? { ui } : {}) });
    emitter.emit({
      type: 'run.started',
      pipelineName: request.pipeline.name,
      ...(request.stored ? { pipelineId: request.stored.id, pipelineRevision: request.stored.revision } : {}),
      params: plan.params,
      nodeIds: plan.order,
      trigger: request.trigger,
      options: request.options,
    });
    for (const nodeId of plan.order) emitter.emit({ type: 'node.queued', nodeId });
    const done = scheduler.done.then((finished) => {
      store.flush();
      if (store.pending) this.unsaved.add(store);
      this.active.delete(id);
      return finished;
    });
    scheduler.start();
    this.cancelRequests.watch();
    return { id, done, cancel: () => scheduler.cancel() };
  }

  /**
   * Starts the spawner helper ahead of the first run (long-lived hosts do, so even their first nodes are not forked
   * from the engine); resolves true once node processes start through it.
   */
  warmUp(): Promise<boolean> {
    return this.launcher.warmUp();
  }

  /** Cancels an active run; false when it is not running in this engine. */
  cancel(runId: string): boolean {
    const active = this.active.get(runId);
    active?.scheduler.cancel();
    return active !== undefined;
  }

  /** Deletes finished runs and the disk space they alone hold; runs whose process died count as finished. */
  delete(runIds: readonly string[]): RunsDeleted {
    this.recover();
    const stores = {
      db: this.deps.db,
      runs: this.runs,
      cache: this.cache,
      sweeps: new SweepsRepo(this.deps.db),
      objects: this.objects,
      artifactsRoot: this.deps.home.artifacts,
    };
    return deleteRuns(stores, runIds);
  }

  /** Commits an active run's pending writes, so reads see everything emitted so far. */
  flush(runId: string): void {
    this.active.get(runId)?.store.flush();
  }

  /**
   * Stored events after `afterSeq` (resume after a reconnect, runs of other processes); log lines beyond
   * `maxLogLines` come back as gaps. Read as one snapshot: another process may commit a batch between two reads,
   * and the batch's lastSeq must not pass events it does not carry.
   */
  eventsAfter(runId: string, afterSeq: number, maxLogLines: number): RunEventBatch {
    this.flush(runId);
    return this.deps.db.transaction(() => {
      const lastSeq = this.runs.lastSeq(runId);
      const logs = this.logs.linesAfter(runId, afterSeq, maxLogLines);
      const events = [...this.runs.eventsAfter(runId, afterSeq), ...logs.events].sort((a, b) => a.seq - b.seq);
      return { runId, events, gaps: logs.gaps, lastSeq: Math.max(lastSeq, afterSeq) };
    })();
  }

  /**
   * Publishes the runs other processes run on this data home as they go (FOLLOW_POLL_MS behind), through the
   * same batches as this engine's own runs, and gives `onDeleted` the runs they delete. For hosts with a UI.
   */
  followOtherProcesses(onDeleted: (runIds: string[]) => void): void {
    const publish = this.deps.publish;
    if (!publish || this.follower) return;
    this.follower = new ForeignRunFollower(this, publish, onDeleted);
    this.follower.start();
  }

  /**
   * Asks the process that runs `runId` (another Pipewright process) to cancel it; false when it is not running. A
   * `pipewright run` running it alone gets SIGINT, as Ctrl+C in its terminal would (which says so there); any other
   * owner — an app, a sweep, which run others too — finds the request in the store within CANCEL_POLL_MS.
   */
  cancelInOwner(runId: string): boolean {
    const owner = this.runs.soleCliOwner(runId);
    if (owner && owner.pid !== process.pid && ownerAlive(owner.pid, owner.start)) {
      process.kill(owner.pid, 'SIGINT');
      return true;
    }
    return this.runs.requestCancel(runId);
  }

  /**
   * Marks runs left running by a dead engine as interrupted; returns their ids. First stores what this engine's ended
   * runs could not (their end, when the disk was full). Skipped while the store cannot be written: the runs stay as
   * they are until it can, and reads go on meanwhile.
   */
  recover(): string[] {
    this.retryUnsaved();
    return unlessUnwritable(() => recoverInterruptedRuns(this.runs), []);
  }

  private retryUnsaved(): void {
    for (const store of this.unsaved) {
      store.flush();
      if (!store.pending) this.unsaved.delete(store);
    }
  }

  /** The engine is closing: every active run is ended now (SIGKILL to its nodes) and its state committed. */
  shutdown(): void {
    this.follower?.stop();
    this.cancelRequests.stop();
    for (const { scheduler, store, ui } of this.active.values()) {
      scheduler.abort('canceled: Pipewright was closed while the node ran');
      store.flush();
      ui?.flush();
    }
    this.active.clear();
    this.retryUnsaved();
    this.launcher.close();
  }
}
