// Cuts a byte stream into complete lines without splitting each line into its own string: one block per read.
import { StringDecoder } from 'node:string_decoder';

/** Lines longer than this are broken, so one endless line (a progress bar without newlines) cannot eat memory. */
export const MAX_LINE_CHARS = 1 << 20;

/** Complete lines from one read: `text` is `count` lines joined by `\n`, without the final line break. */
export interface LineBlock {
  text: string;
  count: number;
}

/** Counts `\n` in `text` (indexOf is far faster than a regex or split for large blocks). */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Stateful splitter for one stream: UTF-8 safe across reads, CRLF normalised, partial lines kept for the next read. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** Feeds one read; returns the lines it completed, or null when it completed none. */
  push(bytes: Buffer): LineBlock | null {
    const text = this.pending + this.decoder.write(bytes);
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      this.pending = text;
      return this.pending.length > MAX_LINE_CHARS ? this.flush() : null;
    }
    this.pending = text.slice(last + 1);
    return block(text.slice(0, last));
  }

  /** The last line when the stream ended without a line break (or an over-long line), else null. */
  flush(): LineBlock | null {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    return rest === '' ? null : block(rest);
  }
}

function block(raw: string): LineBlock {
  const text = raw.includes('\r') ? raw.replace(/\r\n/g, '\n').replace(/\r$/, '') : raw;
  return { text, count: countLineBreaks(text) + 1 };
}
