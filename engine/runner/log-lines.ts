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

/** A line in progress is shown by its last this many bytes at most (a progress bar is far shorter). */
const IN_PROGRESS_SHOWN_BYTES = 1000;
const CARRIAGE_RETURN = 13;

/**
 * What a terminal shows of a line still being written (`bytes`, no line break yet): the text after its last `\r` (a
 * progress bar redraws itself with `\r`), a trailing `\r` ignored, at most its last IN_PROGRESS_SHOWN_BYTES.
 */
export function lineInProgressText(bytes: Buffer): string {
  const end = bytes.at(-1) === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  if (end === 0) return '';
  let start = Math.max(bytes.lastIndexOf(CARRIAGE_RETURN, end - 1) + 1, end - IN_PROGRESS_SHOWN_BYTES);
  while (start < end && (bytes[start]! & 0xc0) === 0x80) start++; // not from the middle of a UTF-8 character
  return bytes.toString('utf8', start, end);
}
