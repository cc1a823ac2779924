// Keeps an open app's Sweeps view current for sweeps other Pipewright processes run (a terminal's `pipewright run
// --sweep`, another app): looks at the store and publishes `sweep.changed` whenever one's status or count of ended
// runs moved, as the app does for its own sweeps.
import type { SweepChangedEvent } from '../../shared/api/index';
import { BackgroundInterval } from '../runner/background-interval';
import type { SweepsRepo } from '../store/sweeps.repo';

/** As often as runs of other processes are followed (FOLLOW_POLL_MS). */
export const SWEEP_FOLLOW_POLL_MS = 200;

export class ForeignSweepFollower {
  /** Followed sweeps and what was last published of each ("running 2/5"). */
  private readonly seen = new Map<string, string>();
  private readonly interval = new BackgroundInterval(() => this.poll(), SWEEP_FOLLOW_POLL_MS);

  constructor(
    private readonly repo: Pick<SweepsRepo, 'runningIds' | 'progress'>,
    /** True for sweeps this engine runs itself (they publish their own progress). */
    private readonly isActive: (sweepId: string) => boolean,
    private readonly publish: (event: SweepChangedEvent) => void,
    /** Marks sweeps whose process died as interrupted (so a killed terminal sweep ends on screen too). */
    private readonly recover: () => void,
  ) {}

  start(): void {
    this.interval.start();
  }

  stop(): void {
    this.interval.stop();
  }

  /** One look: every foreign sweep still running, and the ones followed until now (to publish how they ended). */
  poll(): void {
    this.recover();
    const ids = new Set([...this.repo.runningIds().filter((id) => !this.isActive(id)), ...this.seen.keys()]);
    for (const id of ids) {
      const progress = this.repo.progress(id);
      const state = `${progress.status} ${progress.done}/${progress.total}`;
      if (this.seen.get(id) !== state) this.publish(progress);
      if (progress.status === 'running') this.seen.set(id, state);
      else this.seen.delete(id);
    }
  }
}
