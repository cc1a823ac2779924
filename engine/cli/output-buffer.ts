// Coalesces many small writes into one write per event-loop turn (a log-heavy run prints megabytes per second).
export class OutputBuffer {
  private parts: string[] = [];
  private scheduled = false;

  constructor(
    private readonly write: (text: string) => void,
    /** Called right before each write (to clear a progress line) and right after (to redraw it). */
    private readonly around?: { before(): void; after(): void },
  ) {}

  push(text: string): void {
    this.parts.push(text);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.around?.before();
    this.write(text);
    this.around?.after();
  }
}
