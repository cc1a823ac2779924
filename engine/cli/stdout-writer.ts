// Writes the run printer's text to standard output. A file or /dev/null gets each text with one writeSync (Node's
// stream for files would first copy every string into a new Buffer). A pipe gets it with blocking writes: a reader
// slower than a chatty node (`| tee`, `| grep`) holds the printer back instead of the whole log piling up in memory;
// a reader stalled for longer (a pager waiting for its user) gets the rest through process.stdout's queue, so Ctrl+C
// and the run go on; a reader that goes away (`| head`) only ends the printing — the run goes on, its logs are stored.
import { fstatSync, writeSync } from 'node:fs';
import type { WriteText } from './output-buffer';

const STDOUT = 1;
/** How long a write waits for a full pipe to drain before it tries again. */
const PIPE_FULL_WAIT_MS = 2;
/** A write blocks on a full pipe at most this long; then its rest, and what follows, wait in process.stdout's queue. */
const PIPE_BLOCK_LIMIT_MS = 500;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function stdoutWriter(): WriteText {
  const kind = stdoutKind();
  if (kind === 'file') return (text, encoding) => void writeSync(STDOUT, text, null, encoding);
  if (kind === 'pipe') return pipeWriter();
  return (text, encoding) => void process.stdout.write(text, encoding);
}

function pipeWriter(): WriteText {
  let readerGone = false;
  // The run owns standard output now: a closed pipe ends the printing, not the process (see entry.ts).
  process.stdout.removeAllListeners('error').on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return (text, encoding) => {
    if (readerGone) return;
    // Text already waits in the stream's queue (the reader stalled): this text goes behind it, in order.
    if (process.stdout.writableLength > 0) return void process.stdout.write(text, encoding);
    const bytes = Buffer.from(text, encoding);
    const deadline = Date.now() + PIPE_BLOCK_LIMIT_MS;
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(STDOUT, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return void (readerGone = true);
        if (code !== 'EAGAIN') throw error;
        if (Date.now() >= deadline) return void process.stdout.write(bytes.subarray(offset));
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
