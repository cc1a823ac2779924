// Writes the run printer's text to standard output. A file or /dev/null gets each text with one writeSync (Node's
// stream for files would first copy every string into a new Buffer). A pipe gets it with blocking writes: a reader
// slower than a chatty node (`| less`, `| tee`) holds the printer back instead of queueing the whole log in memory,
// and a reader that goes away (`| head`) only ends the printing — the run goes on, its logs are stored anyway.
import { fstatSync, writeSync } from 'node:fs';
import type { WriteText } from './output-buffer';

const STDOUT = 1;
/** How long a write waits for a full pipe to drain before it tries again. */
const PIPE_FULL_WAIT_MS = 2;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function stdoutWriter(): WriteText {
  const kind = stdoutKind();
  if (kind === 'file') return (text, encoding) => void writeSync(STDOUT, text, null, encoding);
  if (kind === 'pipe') return pipeWriter();
  return (text, encoding) => void process.stdout.write(text, encoding);
}

function pipeWriter(): WriteText {
  let readerGone = false;
  return (text, encoding) => {
    if (readerGone) return;
    const bytes = Buffer.from(text, encoding);
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(STDOUT, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return void (readerGone = true);
        if (code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, PIPE_FULL_WAIT_MS);
      }
    }
  };
}

/** A terminal is written through process.stdout. */
function stdoutKind(): 'file' | 'pipe' | 'stream' {
  if (process.stdout.isTTY) return 'stream';
  try {
    const stat = fstatSync(STDOUT);
    if (stat.isFile() || stat.isCharacterDevice()) return 'file';
    // A shell's `|` is a FIFO; a parent process's pipe is often a socket pair (Node's `stdio: 'pipe'`).
    return stat.isFIFO() || stat.isSocket() ? 'pipe' : 'stream';
  } catch {
    return 'stream';
  }
}
