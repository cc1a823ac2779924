// LogBuffer: live lines, lines fetched page by page from a (fake-free) in-memory log when they are asked for, no
// refetch loops, and bounded memory.
import { describe, expect, it } from 'vitest';
import type { LogPage } from '../../shared/runs/run-record';
import { LogBuffer, PAGE_LINES } from '../../shared/runs/log-buffer';

/** A stored log of `total` lines, recording which ranges were asked for. */
function store(total: number) {
  const asked: [number, number][] = [];
  const load = async (from: number, count: number): Promise<LogPage> => {
    asked.push([from, count]);
    const lines = [];
    for (let i = from; i < Math.min(total, from + count); i++) lines.push({ line: i, stream: 'stdout' as const, text: `line ${i}` });
    return { lines, total };
  };
  return { asked, load };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LogBuffer', () => {
  it('serves live lines at once and fetches missing pages once, then serves them', async () => {
    const { asked, load } = store(1_000_000);
    const buffer = new LogBuffer(load);
    buffer.append({ line: 999_999, stream: 'stderr', text: 'last' });
    expect(buffer.total).toBe(1_000_000);
    expect(buffer.get(999_999)).toEqual({ line: 999_999, stream: 'stderr', text: 'last' });
    let changes = 0;
    buffer.onChange(() => changes++);
    expect(buffer.get(123_456)).toBeUndefined();
    expect(buffer.get(123_457)).toBeUndefined();
    await settle();
    expect(asked).toEqual([[123_000, PAGE_LINES]]);
    expect(changes).toBe(1);
    expect(buffer.get(123_456)?.text).toBe('line 123456');
    // the live line of the last page is kept when that page is fetched
    buffer.get(999_998);
    await settle();
    expect(buffer.get(999_999)?.text).toBe('last');
  });

  it('does not refetch a page whose lines do not exist yet, and keeps at most 200 pages', async () => {
    const { asked, load } = store(10);
    const buffer = new LogBuffer(load);
    buffer.grow(20);
    buffer.get(15);
    await settle();
    buffer.get(15);
    await settle();
    expect(asked).toHaveLength(1);
    const big = store(1_000_000);
    const bounded = new LogBuffer(big.load);
    for (let page = 0; page < 250; page++) bounded.append({ line: page * PAGE_LINES, stream: 'stdout', text: 'x' });
    expect(bounded.loadedLines()).toHaveLength(200);
  });
});
