// Follows the files a node's processes write their stdout and stderr to: what was appended since the last look
// becomes blocks of complete lines that know their place in the file (the line index points there; nothing is copied).
// A block's bytes are valid until the next read: whoever keeps them copies them. The line still being written (a
// progress bar) is not a line yet, but what a terminal would show of it is reported whenever it changes.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { LogStream, ProcessStream } from '../../shared/runs/run-status';
import { countLineBreaks, lineInProgressText, MAX_LINE_BYTES, NEWLINE, type LineBlock } from './log-lines';

/** Lines read from a log file: `bytes` start at `byteOffset` in the file named `file` (in the run's log folder). */
export interface FileBlock extends LineBlock {
  file: string;
  byteOffset: number;
}

/** One read at most; at least MAX_LINE_BYTES, so a line without an end is cut into MAX_LINE_BYTES pieces. */
const READ_BYTES = MAX_LINE_BYTES;
/**
 * Every read goes into this one buffer (made at the first read): a block is delivered before the next read, and sinks
 * that keep lines copy them (LogChunk.bytes). A fresh buffer per read cost the CLI ~33 ms of CPU per 60 MB of log in
 * page faults, against ~7 ms reading into the same memory (bench/README.md, "Logs").
 */
let readBuffer: Buffer | undefined;
/** A look while the writers run reads at most this much, so a fast writer cannot hold up the engine's event loop. */
const MAX_BYTES_PER_LOOK = 16 * READ_BYTES;

const NO_BYTES = Buffer.alloc(0);

/** Told what a terminal shows of the line being written ('' once it ended, or none is). */
export type ShowLineInProgress = (text: string) => void;

/** One file being followed from its start. */
export class FileTail {
  private fd: number | undefined;
  private offset = 0;
  /** The last text reported for the line in progress. */
  private inProgress = '';

  constructor(
    private readonly path: string,
    /** The name stored in the line index. */
    readonly name: string,
  ) {}

  /**
   * Emits the complete lines appended since the last call (a partial last line waits, and `show` hears of it when
   * what it shows changed); returns the bytes read.
   */
  read(emit: (block: FileBlock) => void, show?: ShowLineInProgress): number {
    return this.readLines(emit, show);
  }

  /** Emits everything left, a last line without a line break included: the writers are gone. */
  finish(emit: (block: FileBlock) => void, show?: ShowLineInProgress): void {
    this.readLines(emit, show, true);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private readLines(emit: (block: FileBlock) => void, show: ShowLineInProgress | undefined, final = false): number {
    const start = this.offset;
    let budget = final ? Infinity : MAX_BYTES_PER_LOOK;
    /** The bytes of the line in progress, once the look reached the end of what was written. */
    let inProgress: Buffer | undefined;
    while (budget > 0) {
      const size = this.size();
      if (size <= this.offset) {
        inProgress = NO_BYTES;
        break;
      }
      const want = Math.min(size - this.offset, READ_BYTES);
      readBuffer ??= Buffer.allocUnsafe(READ_BYTES);
      const got = readSync(this.fd!, readBuffer, 0, want, this.offset);
      if (got === 0) break;
      const data = readBuffer.subarray(0, got);
      const last = data.lastIndexOf(NEWLINE);
      if (last !== -1) {
        const bytes = data.subarray(0, last);
        emit({ bytes, count: countLineBreaks(bytes) + 1, terminated: true, file: this.name, byteOffset: this.offset });
        this.offset += last + 1;
      } else if (got >= MAX_LINE_BYTES || final) {
        emit({ bytes: data, count: 1, terminated: false, file: this.name, byteOffset: this.offset });
        this.offset += got;
      } else {
        inProgress = data;
        break;
      }
      budget -= got;
    }
    if (show && inProgress) this.showInProgress(lineInProgressText(inProgress), show);
    return this.offset - start;
  }

  private showInProgress(text: string, show: ShowLineInProgress): void {
    if (text === this.inProgress) return;
    this.inProgress = text;
    show(text);
  }

  /** The file's size; the file is opened once it has bytes (a node that prints nothing costs one stat per look). */
  private size(): number {
    if (this.fd !== undefined) return fstatSync(this.fd).size;
    const size = statSync(this.path, { throwIfNoEntry: false })?.size ?? 0;
    if (size > 0) this.fd = openSync(this.path, 'r');
    return size;
  }
}

/** The stdout and stderr files of one node, followed across its attempts (a retry appends to the same files). */
export class NodeLogTail {
  private readonly tails: [ProcessStream, FileTail][];

  constructor(files: Record<'stdout' | 'stderr', { path: string; name: string }>) {
    this.tails = (['stdout', 'stderr'] as const).map((stream) => [stream, new FileTail(files[stream].path, files[stream].name)]);
  }

  /** Returns the bytes read from both files. */
  read(emit: (stream: LogStream, block: FileBlock) => void, show?: (stream: ProcessStream, text: string) => void): number {
    let bytes = 0;
    for (const [stream, tail] of this.tails) bytes += tail.read((block) => emit(stream, block), show && ((text) => show(stream, text)));
    return bytes;
  }

  finish(emit: (stream: LogStream, block: FileBlock) => void, show?: (stream: ProcessStream, text: string) => void): void {
    for (const [stream, tail] of this.tails) tail.finish((block) => emit(stream, block), show && ((text) => show(stream, text)));
  }

  close(): void {
    for (const [, tail] of this.tails) tail.close();
  }
}
