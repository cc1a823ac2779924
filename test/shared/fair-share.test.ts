// fairShares: quiet nodes keep everything, busy ones split the rest, the budget is never exceeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairShares } from '../../shared/runs/fair-share';

describe('fairShares', () => {
  it('gives quiet nodes all their lines and splits the rest', () => {
    expect(fairShares([150, 2], 100)).toEqual([98, 2]);
    expect(fairShares([10, 10], 100)).toEqual([10, 10]);
    expect(fairShares([500, 500, 1], 101)).toEqual([50, 50, 1]);
    expect(fairShares([], 10)).toEqual([]);
  });

  it('never exceeds the budget or a count, and uses the whole budget when there is enough', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(2000), { maxLength: 20 }), fc.nat(5000), (counts, budget) => {
        const keep = fairShares(counts, budget);
        const total = keep.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(budget);
        keep.forEach((k, i) => expect(k).toBeLessThanOrEqual(counts[i]!));
        expect(total).toBe(Math.min(budget, counts.reduce((a, b) => a + b, 0)));
      }),
    );
  });
});
