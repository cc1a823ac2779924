// A repeating look in the background (following other processes' runs, sweeps and pipelines, cancel requests):
// started once, never keeping the process alive by itself, stopped at shutdown. A look that throws (the store cannot
// be read just now) is handed to `onError` — ignored by default — and the next look comes all the same.
export class BackgroundInterval {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly look: () => void,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** `lookNow`: take the first look at once, not after `everyMs`. */
  start(lookNow = false): void {
    if (this.timer) return;
    if (lookNow) this.lookSafely();
    this.timer = setInterval(() => this.lookSafely(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private lookSafely(): void {
    try {
      this.look();
    } catch (error) {
      this.onError(error);
    }
  }
}
