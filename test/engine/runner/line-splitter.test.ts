// LineSplitter: lines across reads, a UTF-8 character split across reads, CRLF, a last line without a break,
// endless lines.
import { describe, expect, it } from 'vitest';
import { blockText, countLineBreaks, LineSplitter, MAX_LINE_BYTES, type LineBlock } from '../../../engine/runner/line-splitter';

const text = (block: LineBlock | null) => block && { text: blockText(block.bytes), count: block.count };

describe('LineSplitter', () => {
  it('returns complete lines as one block per read and keeps the partial line for the next', () => {
    const s = new LineSplitter();
    expect(text(s.push(Buffer.from('one\ntwo\nthr')))).toEqual({ text: 'one\ntwo', count: 2 });
    expect(s.push(Buffer.from('ee'))).toBeNull();
    expect(text(s.push(Buffer.from('\n\nfive')))).toEqual({ text: 'three\n', count: 2 });
    expect(text(s.flush())).toEqual({ text: 'five', count: 1 });
    expect(s.flush()).toBeNull();
  });

  it('keeps a UTF-8 character whole when a read splits it, and normalises CRLF in text', () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('héllo wörld\r\nnext\r\n');
    expect(s.push(bytes.subarray(0, 2))).toBeNull();
    expect(text(s.push(bytes.subarray(2)))).toEqual({ text: 'héllo wörld\nnext', count: 2 });
  });

  it('breaks a line that never ends once it passes the limit', () => {
    const s = new LineSplitter();
    const block = s.push(Buffer.alloc(MAX_LINE_BYTES + 10, 'x'));
    expect(block?.count).toBe(1);
    expect(block?.bytes.length).toBe(MAX_LINE_BYTES + 10);
  });

  it('counts line breaks', () => {
    expect(countLineBreaks(Buffer.from(''))).toBe(0);
    expect(countLineBreaks(Buffer.from('a\nb\n\n'))).toBe(3);
  });
});
