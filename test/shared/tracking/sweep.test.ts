// Sweep parsing and expansion: grids in a stable order, seeded random samples that repeat, clear errors.
import { describe, expect, it } from 'vitest';
import { expandSweep, MAX_SWEEP_RUNS, parseSweepAxis, SweepError } from '../../../shared/tracking/sweep';

describe('parseSweepAxis', () => {
  it('reads lists, typed values and ranges', () => {
    expect(parseSweepAxis('maxDepth=3,5,8')).toEqual({ name: 'maxDepth', values: [3, 5, 8] });
    expect(parseSweepAxis('kernel=rbf, linear')).toEqual({ name: 'kernel', values: ['rbf', 'linear'] });
    expect(parseSweepAxis('stratify=true,false')).toEqual({ name: 'stratify', values: [true, false] });
    expect(parseSweepAxis('testSize=0.1:0.3:0.1')).toEqual({ name: 'testSize', range: { min: 0.1, max: 0.3, step: 0.1 } });
    expect(parseSweepAxis('lr=0.001:0.1')).toEqual({ name: 'lr', range: { min: 0.001, max: 0.1 } });
  });

  it('refuses malformed axes', () => {
    expect(() => parseSweepAxis('maxDepth')).toThrow(SweepError);
    expect(() => parseSweepAxis('a=1,,2')).toThrow(/empty value/);
    expect(() => parseSweepAxis('a=5:1:1')).toThrow(/low to high/);
    expect(() => parseSweepAxis('a=1:5:0')).toThrow(/step must be positive/);
  });
});

describe('expandSweep', () => {
  it('expands a grid, last axis fastest, with exact decimal steps', () => {
    const runs = expandSweep({ mode: 'grid', axes: [parseSweepAxis('maxDepth=3,5'), parseSweepAxis('testSize=0.1:0.3:0.1')] });
    expect(runs).toEqual([
      { maxDepth: 3, testSize: 0.1 },
      { maxDepth: 3, testSize: 0.2 },
      { maxDepth: 3, testSize: 0.3 },
      { maxDepth: 5, testSize: 0.1 },
      { maxDepth: 5, testSize: 0.2 },
      { maxDepth: 5, testSize: 0.3 },
    ]);
  });

  it('samples at random reproducibly for a seed, inside the ranges', () => {
    const spec = { mode: 'random' as const, samples: 20, seed: 42, axes: [parseSweepAxis('lr=0.001:0.1'), parseSweepAxis('n=10:50'), parseSweepAxis('k=a,b,c')] };
    const first = expandSweep(spec);
    expect(expandSweep(spec)).toEqual(first);
    expect(expandSweep({ ...spec, seed: 7 })).not.toEqual(first);
    for (const run of first) {
      expect(run['lr']).toBeGreaterThanOrEqual(0.001);
      expect(run['lr']).toBeLessThan(0.1);
      expect(Number.isInteger(run['n'])).toBe(true);
      expect(['a', 'b', 'c']).toContain(run['k']);
    }
  });

  it('refuses grids without steps, duplicates, oversize grids and bad sample counts', () => {
    expect(() => expandSweep({ mode: 'grid', axes: [parseSweepAxis('lr=0:1')] })).toThrow(/needs a step/);
    expect(() => expandSweep({ mode: 'grid', axes: [parseSweepAxis('a=1,2'), parseSweepAxis('a=3')] })).toThrow(/swept twice/);
    expect(() => expandSweep({ mode: 'grid', axes: [parseSweepAxis('a=0:2000:1')] })).toThrow(new RegExp(`more than ${MAX_SWEEP_RUNS}`));
    expect(() => expandSweep({ mode: 'random', samples: 0, axes: [parseSweepAxis('a=1,2')] })).toThrow(/number of samples/);
    expect(() => expandSweep({ mode: 'grid', axes: [] })).toThrow(/at least one/);
  });
});
