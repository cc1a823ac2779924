// Coalesces many small writes into one write every few milliseconds (a 1000-node run prints thousands of state lines),
// while large output (a chatty node's log block) goes out in slices at once. Holds strings in one encoding: the text
// printer's latin1 view of bytes (written back byte for byte) or the JSON printer's UTF-8 text.

/** Longest a line waits before it is printed. */
const COALESCE_MS = 15;
/** Pending text is written at once when it reaches this many characters. */
const FLUSH_CHARS = 64 * 1024;

export type WriteText = (text: string, encoding: BufferEncoding) => void;

export class OutputBuffer {
  private parts: string[] = [];
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: WriteText,
    private readonly encoding: BufferEncoding,
    /** Called right before each write (to clear a progress line) and right after (to redraw it). */
    private readonly around?: { before(): void; after(): void },
  ) {}

  push(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= FLUSH_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  /** Writes what is pending now; a scheduled write is cancelled (it would keep a finished CLI alive for nothing). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.pending = 0;
    this.around?.before();
    this.write(text, this.encoding);
    this.around?.after();
  }
}
