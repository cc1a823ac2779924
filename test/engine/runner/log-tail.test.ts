// Following log files: complete lines as blocks with their byte offsets, a partial line waiting for its end, a last
// line without a break, a UTF-8 character split across writes, CRLF, endless lines, files that do not exist yet.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, countLineBreaks, MAX_LINE_BYTES } from '../../../engine/runner/log-lines';
import { FileTail, type FileBlock } from '../../../engine/runner/log-tail';
import { tempDir } from '../../support/temp-home';

/** A tail on a fresh file and a function that reads it, returning what it emitted. */
function follow() {
  const path = join(tempDir('pipewright-tail-'), 'n.stdout.log');
  const tail = new FileTail(path, 'n.stdout.log');
  const take = (final = false) => {
    // A block's bytes are only valid during the call (the tail reads the next block into the same memory).
    const blocks: { text: string; count: number; terminated: boolean; file: string; byteOffset: number }[] = [];
    const keep = (b: FileBlock) => blocks.push({ text: blockText(b.bytes), count: b.count, terminated: b.terminated, file: b.file, byteOffset: b.byteOffset });
    if (final) tail.finish(keep);
    else tail.read(keep);
    return blocks;
  };
  return { path, tail, take };
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

  it('counts line breaks', () => {
    expect(countLineBreaks(Buffer.from(''))).toBe(0);
    expect(countLineBreaks(Buffer.from('a\nb\n\n'))).toBe(3);
  });
});
