// A line of a node's output as plain text, for one-line places: a canvas badge, a progress line, a failed node's error.
import stripAnsi from 'strip-ansi';

/**
 * Escape sequences (colours, cursor moves; strip-ansi knows them all) and control characters dropped. Text a carriage
 * return went back over is dropped too, as a terminal overwrites it ("50%\r100%" → "100%").
 */
export function plainText(line: string): string {
  const shown = stripAnsi(line).split('\r').findLast((part) => part.trim() !== '') ?? '';
  let plain = '';
  for (const char of shown) if (char >= ' ' && char !== '\x7f') plain += char;
  return plain;
}
