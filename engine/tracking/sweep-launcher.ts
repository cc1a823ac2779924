// Launches a hyperparameter sweep: one run per combination through the runner, at most `parallel` at once, the
// first run alone so that every node upstream of the swept parameters is cached before the others start.
import { ApiError } from '../../shared/api/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { parameterValues } from '../../shared/pipeline/placeholders';
import type { RunFinishedEvent } from '../../shared/runs/run-events';
import type { RunOptions } from '../../shared/runs/run-options';
import type { RunTrigger } from '../../shared/runs/run-status';
import type { SweepRecord } from '../../shared/tracking/experiment-records';
import type { MetricGoal } from '../../shared/tracking/metric-goal';
import { expandSweep, SweepError, type SweepSpec } from '../../shared/tracking/sweep';
import { CancelRequestWatcher } from '../runner/cancel-request-watcher';
import type { RunSink } from '../runner/run-emitter';
import { newRunId } from '../runner/run-id';
import type { ActiveRun, RunService } from '../runner/run-service';
import type { SweepsRepo } from '../store/sweeps.repo';

type ParamValue = string | number | boolean;

/** What to sweep. */
export interface SweepRequest {
  pipeline: Pipeline;
  baseDir: string;
  stored?: { id: string; revision: number };
  spec: SweepSpec;
  /** Pipeline parameters every run gets (the swept ones override them). */
  baseParams: Record<string, ParamValue>;
  options: RunOptions;
  /** Runs at once (each run still runs up to `options.concurrency` nodes at once). */
  parallel: number;
  /** The metric that picks the best run, and its goal (default: judged from the name). */
  metric?: string;
  goal?: MetricGoal;
  trigger: RunTrigger;
  /** Extra consumers of each run's events (the CLI printer), by combination. */
  sinks?: (position: number, params: Record<string, ParamValue>) => RunSink[];
  /** Called when a run starts or ends (progress for the UI and the CLI). */
  onProgress?: (sweepId: string, event: { position: number; runId: string; finished?: RunFinishedEvent }) => void;
}

/** A sweep in progress. */
export interface ActiveSweep {
  id: string;
  /** Resolves with the stored sweep once every run ended (or the sweep was canceled). */
  done: Promise<SweepRecord>;
  cancel(): void;
}

interface Running {
  canceled: boolean;
  active: Map<number, ActiveRun>;
}

export class SweepLauncher {
  private readonly sweeps = new Map<string, Running>();
  /** Sweeps ended by shutdown, as stored then (the database is closed by the time their runs report back). */
  private readonly closed = new Map<string, SweepRecord>();
  /** Another process may ask, through the store, to cancel a sweep running here. */
  private readonly cancelRequests = new CancelRequestWatcher(
    () => [...this.sweeps.keys()],
    (ids) => this.repo.cancelRequested(ids),
    (id) => this.cancel(id),
  );

  constructor(
    private readonly runner: RunService,
    private readonly repo: SweepsRepo,
  ) {}

  /**
   * Checks every combination against the pipeline's parameters, starts the first run (which also validates the
   * pipeline: a RunRefusedError refuses the whole sweep before anything is stored) and schedules the rest.
   */
  start(request: SweepRequest): ActiveSweep {
    const combinations = this.combinations(request);
    const id = `sweep-${newRunId()}`;
    const state: Running = { canceled: false, active: new Map() };
    const first = this.launch(request, state, id, 0, combinations[0]!);
    this.repo.create({
      id,
      pipelineId: request.stored?.id ?? null,
      pipelineName: request.pipeline.name,
      pipelineRevision: request.stored?.revision ?? null,
      spec: request.spec,
      baseParams: request.baseParams,
      parallel: request.parallel,
      metric: request.metric ?? null,
      goal: request.goal ?? null,
      combinations,
    });
    this.repo.setRun(id, 0, first.id);
    request.onProgress?.(id, { position: 0, runId: first.id });
    this.sweeps.set(id, state);
    this.cancelRequests.watch();
    const done = this.drive(request, state, id, combinations, first);
    return { id, done, cancel: () => this.cancel(id) };
  }

  /** Stops launching runs and cancels the sweep's running ones; false when the sweep is not running here. */
  cancel(sweepId: string): boolean {
    const state = this.sweeps.get(sweepId);
    if (!state) return false;
    state.canceled = true;
    for (const run of state.active.values()) run.cancel();
    return true;
  }

  isActive(sweepId: string): boolean {
    return this.sweeps.has(sweepId);
  }

  /** The engine is closing: no new runs start (the runner ends the running ones) and every active sweep is stored canceled. */
  shutdown(): void {
    this.cancelRequests.stop();
    for (const [id, state] of this.sweeps) {
      state.canceled = true;
      this.repo.finish(id, 'canceled');
      this.closed.set(id, this.repo.get(id));
    }
  }

  private combinations(request: SweepRequest): Record<string, ParamValue>[] {
    const declared = new Set(request.pipeline.parameters.map((p) => p.name));
    for (const axis of request.spec.axes) {
      if (!declared.has(axis.name)) {
        const known = [...declared].join(', ') || 'none';
        throw new ApiError('invalid_input', `cannot sweep "${axis.name}": pipeline "${request.pipeline.name}" has no such parameter (its parameters: ${known})`);
      }
    }
    let combinations: Record<string, ParamValue>[];
    try {
      combinations = expandSweep(request.spec);
    } catch (error) {
      if (error instanceof SweepError) throw new ApiError('invalid_input', error.message);
      throw error;
    }
    combinations.forEach((combination) => {
      try {
        parameterValues(request.pipeline, { ...request.baseParams, ...combination });
      } catch (error) {
        throw new ApiError('invalid_input', `sweep value ${JSON.stringify(combination)} does not fit: ${(error as Error).message}`);
      }
    });
    return combinations;
  }

  private launch(request: SweepRequest, state: Running, sweepId: string, position: number, params: Record<string, ParamValue>): ActiveRun {
    const run = this.runner.start({
      pipeline: request.pipeline,
      baseDir: request.baseDir,
      ...(request.stored ? { stored: request.stored } : {}),
      params: { ...request.baseParams, ...params },
      options: request.options,
      trigger: request.trigger,
      ...(request.sinks ? { sinks: request.sinks(position, params) } : {}),
    });
    state.active.set(position, run);
    void run.done.then((finished) => {
      state.active.delete(position);
      request.onProgress?.(sweepId, { position, runId: run.id, finished });
    });
    return run;
  }

  /** Waits for the first run, then keeps `parallel` runs going until every combination ran or the sweep was canceled. */
  private async drive(request: SweepRequest, state: Running, id: string, combinations: Record<string, ParamValue>[], first: ActiveRun): Promise<SweepRecord> {
    await first.done;
    let next = 1;
    const worker = async (): Promise<void> => {
      while (!state.canceled && next < combinations.length) {
        const position = next++;
        let run: ActiveRun;
        try {
          run = this.launch(request, state, id, position, combinations[position]!);
        } catch {
          // The pipeline validated for the first run; a later refusal (e.g. it was edited on disk) ends the sweep.
          state.canceled = true;
          return;
        }
        this.repo.setRun(id, position, run.id);
        request.onProgress?.(id, { position, runId: run.id });
        await run.done;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, request.parallel) }, worker));
    this.sweeps.delete(id);
    const closed = this.closed.get(id);
    if (closed) return closed;
    this.repo.finish(id, state.canceled ? 'canceled' : 'finished');
    return this.repo.get(id);
  }
}
