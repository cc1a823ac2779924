// Following log files: complete lines as blocks with their byte offsets, a partial line waiting for its end, a last
// line without a break, a UTF-8 character split across writes, CRLF, endless lines, files that do not exist yet.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, countLineBreaks, lineInProgressText, MAX_LINE_BYTES } from '../../../engine/runner/log-lines';
import { FileTail, type FileBlock } from '../../../engine/runner/log-tail';
import { tempDir } from '../../support/temp-home';

/** A tail on a fresh file and a function that reads it, returning what it emitted. */
function follow() {
  const path = join(tempDir('pipewright-tail-'), 'n.stdout.log');
  const tail = new FileTail(path, 'n.stdout.log');
  /** What the tail said of the line in progress, in order. */
  const shown: string[] = [];
  const take = (final = false) => {
    // A block's bytes are only valid during the call (the tail reads the next block into the same memory).
    const blocks: { text: string; count: number; terminated: boolean; file: string; byteOffset: number }[] = [];
    const keep = (b: FileBlock) => blocks.push({ text: blockText(b.bytes), count: b.count, terminated: b.terminated, file: b.file, byteOffset: b.byteOffset });
    const show = (text: string) => shown.push(text);
    if (final) tail.finish(keep, show);
    else tail.read(keep, show);
    return blocks;
  };
  return { path, tail, take, shown };
}

describe('FileTail', () => {
  it('emits the complete lines appended since the last look, with their place in the file, and keeps a partial line', () => {
    const { path, take, tail } = follow();
    expect(take()).toEqual([]);
    appendFileSync(path, 'one\ntwo\nthr');
    expect(take()).toEqual([{ text: 'one\ntwo', count: 2, terminated: true, file: 'n.stdout.log', byteOffset: 0 }]);
    appendFileSync(path, 'ee');
    expect(take()).toEqual([]);
    appendFileSync(path, '\n\nfive');
    expect(take()).toEqual([{ text: 'three\n', count: 2, terminated: true, file: 'n.stdout.log', byteOffset: 8 }]);
    expect(take(true)).toEqual([{ text: 'five', count: 1, terminated: false, file: 'n.stdout.log', byteOffset: 15 }]);
    expect(take(true)).toEqual([]);
    appendFileSync(path, 'after a retry\n');
    expect(take(true)).toEqual([{ text: 'after a retry', count: 1, terminated: true, file: 'n.stdout.log', byteOffset: 19 }]);
    tail.close();
  });

  it('keeps a UTF-8 character whole when a write splits it, and normalises CRLF in text', () => {
    const { path, take } = follow();
    const bytes = Buffer.from('héllo wörld\r\nnext\r\n');
    appendFileSync(path, bytes.subarray(0, 2));
    expect(take()).toEqual([]);
    appendFileSync(path, bytes.subarray(2));
    expect(take()).toEqual([{ text: 'héllo wörld\nnext', count: 2, terminated: true, file: 'n.stdout.log', byteOffset: 0 }]);
  });

  it('cuts a line that never ends into pieces of MAX_LINE_BYTES', () => {
    const { path, take } = follow();
    appendFileSync(path, Buffer.alloc(MAX_LINE_BYTES + 10, 'x'));
    const blocks = take();
    expect(blocks.map((b) => [b.count, b.terminated, b.byteOffset, b.text.length])).toEqual([[1, false, 0, MAX_LINE_BYTES]]);
    expect(take(true).map((b) => [b.count, b.terminated, b.byteOffset, b.text.length])).toEqual([[1, false, MAX_LINE_BYTES, 10]]);
  });

  it('reads a file that does not exist yet as empty', () => {
    const { take } = follow();
    expect(take(true)).toEqual([]);
  });

  it('reports what a terminal shows of the line in progress whenever it changes, and its end', () => {
    const { path, take, shown } = follow();
    appendFileSync(path, 'epoch 1\n\r 10%|#');
    expect(take()).toEqual([{ text: 'epoch 1', count: 1, terminated: true, file: 'n.stdout.log', byteOffset: 0 }]);
    expect(shown).toEqual([' 10%|#']);
    take();
    expect(shown).toEqual([' 10%|#']); // unchanged: not reported again
    appendFileSync(path, '\r 20%|##\r');
    expect(take()).toEqual([]);
    expect(shown).toEqual([' 10%|#', ' 20%|##']); // a trailing \r is the bar about to redraw
    appendFileSync(path, '\r100%|##########\n');
    expect(take()).toEqual([{ text: '\r 10%|#\r 20%|##\r\r100%|##########', count: 1, terminated: true, file: 'n.stdout.log', byteOffset: 8 }]);
    expect(shown).toEqual([' 10%|#', ' 20%|##', '']); // the line ended: nothing in progress
    appendFileSync(path, 'Downloading…');
    take();
    take(true);
    expect(shown).toEqual([' 10%|#', ' 20%|##', '', 'Downloading…', '']); // the last line, ended by the process's end
  });

  it('shows at most the last 1000 bytes of a line in progress, never half a UTF-8 character', () => {
    expect(lineInProgressText(Buffer.from(''))).toBe('');
    expect(lineInProgressText(Buffer.from('\r'))).toBe('');
    expect(lineInProgressText(Buffer.from('a\rb\r'))).toBe('b');
    const long = lineInProgressText(Buffer.from(`start${'é'.repeat(600)}`));
    expect(long).toBe('é'.repeat(500));
  });

  it('counts line breaks', () => {
    expect(countLineBreaks(Buffer.from(''))).toBe(0);
    expect(countLineBreaks(Buffer.from('a\nb\n\n'))).toBe(3);
  });
});
