// Cuts a byte stream into complete lines without touching each line: one block of bytes per read.

/** Lines longer than this are broken, so one endless line (a progress bar without newlines) cannot eat memory. */
export const MAX_LINE_BYTES = 1 << 20;

const NEWLINE = 10;

/** Complete lines from one read: `bytes` holds `count` lines separated by `\n`, without the final line break. */
export interface LineBlock {
  bytes: Buffer;
  count: number;
}

/** Counts `\n` bytes (Buffer.indexOf is native; no string is made). */
export function countLineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Stateful splitter for one stream. Works on bytes: a cut at `\n` is always a UTF-8 character boundary, so nothing is
 * decoded here; text is made only by the sinks that need it. The partial last line waits for the next read.
 */
export class LineSplitter {
  private pending: Buffer | null = null;

  /** Feeds one read; returns the lines it completed, or null when it completed none. */
  push(bytes: Buffer): LineBlock | null {
    const data = this.pending ? Buffer.concat([this.pending, bytes]) : bytes;
    const last = data.lastIndexOf(NEWLINE);
    if (last === -1) {
      this.pending = data;
      return data.length > MAX_LINE_BYTES ? this.flush() : null;
    }
    this.pending = last + 1 < data.length ? data.subarray(last + 1) : null;
    const complete = data.subarray(0, last);
    return { bytes: complete, count: countLineBreaks(complete) + 1 };
  }

  /** The last line when the stream ended without a line break (or an over-long line), else null. */
  flush(): LineBlock | null {
    const rest = this.pending;
    this.pending = null;
    return rest && rest.length > 0 ? { bytes: rest, count: 1 } : null;
  }
}

/** Text of a block's lines, `\r\n` line ends normalised (what people and JSON see). */
export function blockText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.includes('\r') ? text.replace(/\r\n/g, '\n').replace(/\r$/, '') : text;
}
