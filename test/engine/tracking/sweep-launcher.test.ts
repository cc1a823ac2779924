// Sweeps on a real runner and SQLite: one run per combination, concurrency-limited, upstream nodes from the cache,
// the best run by the chosen metric, refusals before anything runs, cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/index';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import { openEngine, type Engine } from '../../../engine/app';
import type { SweepRequest } from '../../../engine/tracking/sweep-launcher';
import { tempDir } from '../../support/temp-home';
import { store, sweepable, trackingEngine } from './tracking-helpers';

let engine: Engine;
afterEach(() => engine?.close());

const storedFor = new WeakMap<Engine, { id: string; revision: number }>();

function request(overrides: Partial<SweepRequest> = {}): SweepRequest {
  const doc = sweepable();
  const stored = overrides.stored ?? storedFor.get(engine) ?? store(engine, doc);
  storedFor.set(engine, stored);
  return {
    pipeline: doc,
    baseDir: tempDir(),
    stored,
    spec: { mode: 'grid', axes: [{ name: 'depth', values: [1, 2, 3, 4] }] },
    baseParams: {},
    options: runOptionsSchema.parse({}),
    parallel: 2,
    trigger: 'api',
    ...overrides,
  };
}

describe('SweepLauncher', () => {
  it('runs a 4-run grid: only nodes downstream of the swept parameter re-run, the best run is picked', async () => {
    engine = trackingEngine();
    let running = 0;
    let peak = 0;
    const sweep = engine.ctx.tracking.sweeps.start(
      request({
        onProgress: (_id, e) => {
          running += e.finished ? -1 : 1;
          peak = Math.max(peak, running);
        },
      }),
    );
    const record = await sweep.done;
    expect(record.status).toBe('finished');
    expect(record.runs.map((r) => r.params)).toEqual([{ depth: 1 }, { depth: 2 }, { depth: 3 }, { depth: 4 }]);
    expect(record.runs.every((r) => r.status === 'succeeded')).toBe(true);
    expect(peak).toBe(2);

    const nodes = record.runs.map((r) => engine.ctx.runner.runs.get(r.runId!).nodes);
    const state = (i: number, nodeId: string) => nodes[i]!.find((n) => n.nodeId === nodeId)!.status;
    expect(['prepare', 'train', 'evaluate'].map((n) => state(0, n))).toEqual(['succeeded', 'succeeded', 'succeeded']);
    for (const i of [1, 2, 3]) expect(['prepare', 'train', 'evaluate'].map((n) => state(i, n))).toEqual(['cached', 'succeeded', 'succeeded']);

    expect(record.metric).toBe('accuracy');
    expect(record.goal).toBe('max');
    expect(record.bestRunId).toBe(record.runs[3]!.runId);
    expect(record.runs[3]!.metrics).toEqual({ accuracy: 0.7, loss: 0.25 });
    const page = engine.ctx.tracking.queries.page(queryOf({ sweepId: record.id }));
    expect(page.total).toBe(4);
    expect(page.rows.every((r) => r.sweepId === record.id)).toBe(true);
  });

  it('samples N random combinations reproducibly and honours a metric to minimise', async () => {
    engine = trackingEngine();
    const spec = { mode: 'random' as const, samples: 3, seed: 7, axes: [{ name: 'depth', range: { min: 1, max: 8 } }] };
    const record = await engine.ctx.tracking.sweeps.start(request({ spec, metric: 'loss', parallel: 3 })).done;
    expect(record.runs).toHaveLength(3);
    const depths = record.runs.map((r) => r.params['depth'] as number);
    expect(depths.every((d) => Number.isInteger(d) && d >= 1 && d <= 8)).toBe(true);
    expect(record.goal).toBe('min');
    const best = record.runs.find((r) => r.runId === record.bestRunId)!;
    expect(best.params['depth']).toBe(Math.max(...depths));
  });

  it('refuses unknown parameters, values that do not fit and empty samples before running anything', () => {
    engine = trackingEngine();
    const refused = (overrides: Partial<SweepRequest>) => {
      try {
        engine.ctx.tracking.sweeps.start(request(overrides));
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        return (error as ApiError).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refused({ spec: { mode: 'grid', axes: [{ name: 'maxDepth', values: [1] }] } })).toMatch(/no such parameter \(its parameters: depth, rows\)/);
    expect(refused({ spec: { mode: 'grid', axes: [{ name: 'depth', values: ['deep'] }] } })).toMatch(/does not fit/);
    expect(refused({ spec: { mode: 'random', axes: [{ name: 'depth', values: [1] }] } })).toMatch(/number of samples/);
    expect(engine.ctx.tracking.sweepsRepo.list(10)).toEqual([]);
    expect(engine.ctx.runner.runs.list({ limit: 10 })).toEqual([]);
  });

  it('cancel stops launching and cancels the running runs', async () => {
    engine = trackingEngine();
    const doc = sweepable();
    doc.nodes[1] = { ...doc.nodes[1]!, params: { command: 'sleep 30' } };
    const sweep = engine.ctx.tracking.sweeps.start(request({ pipeline: doc, stored: store(engine, { ...doc, name: 'slow' }), parallel: 1 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.ctx.tracking.sweeps.cancel(sweep.id)).toBe(true);
    const record = await sweep.done;
    expect(record.status).toBe('canceled');
    expect(record.runs.map((r) => r.status)).toEqual(['canceled', 'pending', 'pending', 'pending']);
  });

  it('closing the engine mid-sweep stores the sweep canceled; the next engine sees it so', async () => {
    engine = trackingEngine();
    const doc = sweepable();
    doc.nodes[1] = { ...doc.nodes[1]!, params: { command: 'sleep 30' } };
    const sweep = engine.ctx.tracking.sweeps.start(request({ pipeline: doc, stored: store(engine, { ...doc, name: 'slow' }), parallel: 1 }));
    await new Promise((r) => setTimeout(r, 300));
    const home = engine.ctx.home.root;
    engine.close();
    const record = await sweep.done;
    expect(record.status).toBe('canceled');
    engine = openEngine({ home, host: 'test' });
    expect(engine.ctx.tracking.sweepsRepo.get(sweep.id).status).toBe('canceled');
  });
});

function queryOf(extra: object) {
  return { filter: '', search: '', sort: { column: { scope: 'column' as const, name: 'started' }, direction: 'desc' as const }, includeHidden: false, offset: 0, limit: 200, ...extra };
}
