// Follows the runs other Pipewright processes run on the same data home (a `pipewright run` in a terminal, a sweep
// from the CLI, another app): polls the store and publishes what they committed as UI batches, so an open app shows
// them live — node states, logs, the end — as it shows its own; and the runs they delete.
import type { LineInProgress, RunEventBatch } from '../../shared/runs/run-events';
import type { RunsRepo } from '../store/runs.repo';
import { BackgroundInterval } from './background-interval';

/** How often the store is asked; another process commits its events every ~100 ms (StoreSink). */
export const FOLLOW_POLL_MS = 200;
/** Log lines one batch carries at most; more come back as gaps the UI loads on demand (as UiBatcher does). */
export const FOLLOW_MAX_LINES = 5000;

/** What the follower needs of the runner service. */
export interface FollowedStore {
  runs: Pick<RunsRepo, 'running' | 'linesInProgress' | 'newestRowid' | 'createdAfter' | 'lastDeletion' | 'deletedAfter'>;
  /** Marks runs whose process died as interrupted (their last events are written). */
  recover(): string[];
  /** Stored events after `afterSeq`, read as one consistent snapshot. */
  eventsAfter(runId: string, afterSeq: number, maxLogLines: number): RunEventBatch;
}

export class ForeignRunFollower {
  /** Followed runs and the last seq published of each; undefined until the first look. */
  private followed: Map<string, number> | undefined;
  /** Runs created after this one are new to the follower. */
  private newestSeen = 0;
  /** Deletions after this one are new to the follower. */
  private lastDeletionSeen = 0;
  /** The lines in progress last published of each followed run, by node and stream. */
  private readonly shownLines = new Map<string, Map<string, LineInProgress>>();
  private readonly interval = new BackgroundInterval(() => this.look(), FOLLOW_POLL_MS, (error) => this.report(error));
  /** The last failure reported, so a store that keeps failing is reported once, not five times a second. */
  private lastFailure = '';

  constructor(
    private readonly store: FollowedStore,
    private readonly publish: (batch: RunEventBatch) => void,
    private readonly publishDeleted: (runIds: string[]) => void,
  ) {}

  /** Takes the first look now (so a run started right after is seen from its start), then one every FOLLOW_POLL_MS. */
  start(): void {
    this.interval.start(true);
  }

  stop(): void {
    this.interval.stop();
  }

  /** A look that works makes the next failure worth reporting again. */
  private look(): void {
    this.poll();
    this.lastFailure = '';
  }

  private report(error: unknown): void {
    const message = (error as Error).message;
    if (message !== this.lastFailure) console.error(`pipewright: cannot follow the runs of other processes: ${message}`);
    this.lastFailure = message;
  }

  /**
   * One look. Runs already going at the first look are followed from where they are (nobody shows them yet; opening
   * one reads its whole state); runs created later — even one that began and ended between two looks (a cached run
   * takes ~0.2 s) — from their first event, so `run.started` tells the UI a run began. A run that had ended when the
   * look began is published up to its end, then dropped. Runs of this process reach the UI through their own batches.
   */
  poll(): void {
    this.store.recover();
    const { runs } = this.store;
    if (!this.followed) {
      this.newestSeen = runs.newestRowid();
      this.lastDeletionSeen = runs.lastDeletion();
      this.followed = new Map(runs.running().filter((run) => run.ownerPid !== process.pid).map((run) => [run.id, run.lastSeq]));
      return;
    }
    this.takeDeletions();
    // New runs first, then which are running: a run created in between is found at the next look, never taken for
    // one that ended.
    for (const run of runs.createdAfter(this.newestSeen)) {
      this.newestSeen = run.rowid;
      if (run.ownerPid !== process.pid) this.followed.set(run.id, 0);
    }
    const stillRunning = new Set(runs.running().map((run) => run.id));
    let failure: unknown;
    for (const [runId, seen] of this.followed) {
      try {
        const batch = this.store.eventsAfter(runId, seen, FOLLOW_MAX_LINES);
        const inProgress = this.changedLines(runId, stillRunning.has(runId) ? this.store.runs.linesInProgress(runId) : []);
        if (batch.lastSeq > seen || inProgress.length > 0) {
          this.followed.set(runId, batch.lastSeq);
          this.publish(inProgress.length > 0 ? { ...batch, inProgress } : batch);
        }
        if (!stillRunning.has(runId)) this.forget(runId);
      } catch (error) {
        // A run that cannot be read is no longer followed (opening it reads it again); the others still are.
        this.forget(runId);
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }

  /** Runs another process deleted since the last look: no longer followed, and announced (this process announces its own). */
  private takeDeletions(): void {
    const deleted: string[] = [];
    for (const deletion of this.store.runs.deletedAfter(this.lastDeletionSeen)) {
      this.lastDeletionSeen = deletion.seq;
      this.forget(deletion.runId);
      if (deletion.deletedBy !== process.pid) deleted.push(deletion.runId);
    }
    if (deleted.length > 0) this.publishDeleted(deleted);
  }

  /** The lines in progress of a run that differ from those last published ('' for one that ended), remembered. */
  private changedLines(runId: string, current: LineInProgress[]): LineInProgress[] {
    const shown = this.shownLines.get(runId) ?? new Map<string, LineInProgress>();
    const now = new Map(current.map((line) => [lineKey(line), line]));
    const changed = current.filter((line) => shown.get(lineKey(line))?.text !== line.text);
    for (const [key, line] of shown) if (!now.has(key)) changed.push({ ...line, text: '' });
    this.shownLines.set(runId, now);
    return changed;
  }

  private forget(runId: string): void {
    this.followed?.delete(runId);
    this.shownLines.delete(runId);
  }
}

function lineKey(line: LineInProgress): string {
  return `${line.nodeId}\0${line.stream}`;
}
