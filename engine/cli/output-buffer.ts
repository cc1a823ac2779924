// Coalesces many small writes into one write every few milliseconds (a log-heavy run prints megabytes per second,
// and a node writing 8 KiB at a time would otherwise cost one write per read). Holds bytes, not strings: megabytes
// of strings kept alive for a few milliseconds would each survive a scavenge and be copied by the GC.

/** Longest a line waits before it is printed. */
const COALESCE_MS = 15;

export class OutputBuffer {
  private parts: Buffer[] = [];
  private scheduled = false;

  constructor(
    private readonly write: (bytes: Buffer) => void,
    /** Called right before each write (to clear a progress line) and right after (to redraw it). */
    private readonly around?: { before(): void; after(): void },
  ) {}

  push(bytes: Buffer): void {
    this.parts.push(bytes);
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), COALESCE_MS);
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.parts.length === 0) return;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.around?.before();
    this.write(bytes);
    this.around?.after();
  }
}
