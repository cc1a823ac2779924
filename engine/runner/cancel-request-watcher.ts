// Looks for cancel requests on what this process runs (stored by another Pipewright process: the app asking a
// terminal's sweep, one app asking another) and cancels it here, where its processes are. Looks only while something
// runs: a quarter of a second apart, one indexed query.
import { BackgroundInterval } from './background-interval';

export const CANCEL_POLL_MS = 250;

export class CancelRequestWatcher {
  private readonly interval = new BackgroundInterval(() => this.look(), CANCEL_POLL_MS);

  constructor(
    /** Ids of what runs here now. */
    private readonly running: () => string[],
    /** Which of them were asked to cancel. */
    private readonly requested: (ids: string[]) => string[],
    private readonly cancel: (id: string) => void,
  ) {}

  /** Something started here: look until nothing runs. */
  watch(): void {
    this.interval.start();
  }

  stop(): void {
    this.interval.stop();
  }

  private look(): void {
    const ids = this.running();
    if (ids.length === 0) return this.stop();
    for (const id of this.requested(ids)) this.cancel(id);
  }
}
