// Reading a dataset profile (data.profile's report) out of a file a node wrote, whatever it holds.
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../../shared/tracking/profile-report';

describe('profileOf', () => {
  it('takes each column with the figures it has', () => {
    const report = {
      rows: 4,
      columns: [
        { name: 'age', type: 'number', count: 4, missing: 1, distinct: 3, mean: 40, median: 41, min: 20, max: 60, q1: 30, histogram: { edges: [20, 40, 60], counts: [1, 2] } },
        { name: 'city', type: 'category', count: 4, missing: 0, distinct: 2, top: [{ value: 'Oslo', count: 3 }, { value: 7, count: 1 }] },
      ],
    };
    expect(profileOf(report)).toEqual({
      rows: 4,
      columns: [
        { name: 'age', type: 'number', count: 4, missing: 1, distinct: 3, mean: 40, median: 41, min: 20, max: 60, histogram: { edges: [20, 40, 60], counts: [1, 2] } },
        { name: 'city', type: 'category', count: 4, missing: 0, distinct: 2, top: [{ value: 'Oslo', count: 3 }] },
      ],
    });
  });

  it('anything that is not a profile is not read as one', () => {
    const column = { name: 'a', type: 'number' };
    for (const report of [null, 'x', { rows: 2 }, { rows: 2, columns: [] }, { rows: '2', columns: [column] }, { rows: 2, columns: [column, { name: 3 }] }, { task: 'regression' }]) {
      expect(profileOf(report), JSON.stringify(report)).toBeNull();
    }
    expect(profileOf({ rows: 2, columns: [column] })).toEqual({ rows: 2, columns: [{ name: 'a', type: 'number', count: 0, missing: 0, distinct: 0 }] });
  });
});
