// Writes the run printer's text to standard output. When stdout is a file (or /dev/null), the text goes to the
// descriptor with one `writeSync` each: Node's stream for files would first copy every string into a new Buffer.
import { fstatSync, writeSync } from 'node:fs';
import type { WriteText } from './output-buffer';

const STDOUT = 1;

export function stdoutWriter(): WriteText {
  if (!writesToFile()) return (text, encoding) => void process.stdout.write(text, encoding);
  return (text, encoding) => {
    // A regular file or character device takes the whole write (no EAGAIN: these descriptors block).
    writeSync(STDOUT, text, null, encoding);
  };
}

/** True for a regular file or a character device that is not a terminal (`> out.log`, `> /dev/null`). */
function writesToFile(): boolean {
  if (process.stdout.isTTY) return false;
  try {
    const stat = fstatSync(STDOUT);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}
