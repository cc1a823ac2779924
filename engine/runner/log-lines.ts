// Lines of a node's log as blocks of bytes: how they are counted and turned into text, without touching each line.

/** Lines longer than this are broken, so one endless line (a progress bar without newlines) cannot eat memory. */
export const MAX_LINE_BYTES = 1 << 20;

export const NEWLINE = 10;

/**
 * `count` lines separated by `\n` in `bytes`, without the final line break. `terminated`: the last line ended with a
 * line break (false for a last line the process never finished, or a piece of an over-long line).
 */
export interface LineBlock {
  bytes: Buffer;
  count: number;
  terminated: boolean;
}

/** Counts `\n` bytes (Buffer.indexOf is native; no string is made). */
export function countLineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** Text of a block's lines, `\r\n` line ends normalised (what people and JSON see). */
export function blockText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.includes('\r') ? text.replace(/\r\n/g, '\n').replace(/\r$/, '') : text;
}
