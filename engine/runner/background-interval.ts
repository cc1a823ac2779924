// A repeating look in the background (following other processes' runs and sweeps, cancel requests): started once,
// never keeping the process alive by itself, stopped at shutdown.
export class BackgroundInterval {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly look: () => void,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.look, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
