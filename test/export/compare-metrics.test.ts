// Metric comparison of the rehearsal: equal, different, and present in one run only.
import { expect, it } from 'vitest';
import { compareMetrics } from '../../engine/export/compare-metrics';

it('matches equal metrics, flags differences and one-sided metrics, in a stable order', () => {
  const rows = compareMetrics({ b: { acc: 0.9, f1: 0.8 }, a: { n: 3 } }, { a: { n: 3 }, b: { acc: 0.9 + 1e-12, f1: 0.7, extra: 1 } });
  expect(rows).toEqual([
    { node: 'a', name: 'n', local: 3, ci: 3, same: true },
    { node: 'b', name: 'acc', local: 0.9, ci: 0.9 + 1e-12, same: true },
    { node: 'b', name: 'extra', ci: 1, same: false },
    { node: 'b', name: 'f1', local: 0.8, ci: 0.7, same: false },
  ]);
  expect(compareMetrics({}, {})).toEqual([]);
});
