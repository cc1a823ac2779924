// LineSplitter: lines across reads, UTF-8 split mid-character, CRLF, a last line without a break, endless lines.
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_CHARS, countLineBreaks } from '../../../engine/runner/line-splitter';

describe('LineSplitter', () => {
  it('returns complete lines as one block per read and keeps the partial line for the next', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('one\ntwo\nthr'))).toEqual({ text: 'one\ntwo', count: 2 });
    expect(s.push(Buffer.from('ee'))).toBeNull();
    expect(s.push(Buffer.from('\n\nfive'))).toEqual({ text: 'three\n', count: 2 });
    expect(s.flush()).toEqual({ text: 'five', count: 1 });
    expect(s.flush()).toBeNull();
  });

  it('never splits a UTF-8 character across reads and normalises CRLF', () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('héllo wörld\r\nnext\r\n');
    expect(s.push(bytes.subarray(0, 2))).toBeNull();
    expect(s.push(bytes.subarray(2))).toEqual({ text: 'héllo wörld\nnext', count: 2 });
  });

  it('breaks a line that never ends once it passes the limit', () => {
    const s = new LineSplitter();
    const block = s.push(Buffer.alloc(MAX_LINE_CHARS + 10, 'x'));
    expect(block?.count).toBe(1);
    expect(block?.text.length).toBe(MAX_LINE_CHARS + 10);
  });

  it('counts line breaks', () => {
    expect(countLineBreaks('')).toBe(0);
    expect(countLineBreaks('a\nb\n\n')).toBe(3);
  });
});
