// The scheduler handing a full slot to the next ready node the moment a process ends (the next launch is parked behind
// the running one), with real processes: the event stream still never shows more running nodes than the concurrency,
// and cancel, timeouts, failures and retries behave as for any node.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runs/run-events';
import { CollectSink, edge, harness, pipeline, processesOfRun, shell, untilStarted, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

/** The most nodes between their node.started and node.finished at any point of the stream. */
function peakRunning(events: RunEvent[]): number {
  let running = 0;
  let peak = 0;
  for (const e of events) {
    if (e.type === 'node.started' && e.attempt === 1) peak = Math.max(peak, ++running);
    if (e.type === 'node.finished' && e.attempts > 0) running--;
  }
  return peak;
}

describe.each(['direct', 'spawner'] as const)('slot hand-over (node processes started %s)', (launch) => {
  it('never shows more running nodes than the concurrency, with many short nodes of mixed lengths', async () => {
    h = harness({ launch });
    const nodes = Array.from({ length: 40 }, (_, i) => shell(`n${i}`, i % 3 === 0 ? 'sleep 0.05; echo slow' : 'echo fast'));
    const tail = shell('tail', 'echo done');
    const doc = pipeline([...nodes, tail], nodes.map((n) => edge(n.id, 'tail')));
    for (const concurrency of [1, 2]) {
      const { sink, status } = await h.run(doc, { concurrency, noCache: true });
      expect(status).toBe('succeeded');
      expect(peakRunning(sink.events)).toBe(concurrency);
      for (const node of doc.nodes) {
        const started = sink.events.findIndex((e) => e.type === 'node.started' && e.nodeId === node.id);
        const logged = sink.events.findIndex((e) => e.type === 'node.log' && e.nodeId === node.id);
        const finished = sink.events.findIndex((e) => e.type === 'node.finished' && e.nodeId === node.id);
        expect(started).toBeGreaterThan(-1);
        expect(started).toBeLessThan(logged);
        expect(logged).toBeLessThan(finished);
      }
      expect(sink.of('node.log')).toHaveLength(41);
    }
  });

  it('a node waiting behind a running one is canceled with the run and never starts', async () => {
    h = harness({ launch, killGraceMs: 200 });
    await h.ready();
    const sink = new CollectSink();
    const doc = pipeline([shell('long', 'sleep 30'), shell('waiting', 'echo never')]);
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: { scope: { mode: 'all', nodeIds: [] }, concurrency: 1, noCache: false, force: [], failFast: false }, trigger: 'api', sinks: [sink] });
    await untilStarted(h, run.id, 1);
    await new Promise((r) => setTimeout(r, 200));
    run.cancel();
    expect((await run.done).status).toBe('canceled');
    expect(sink.finished('long')).toMatchObject({ status: 'canceled', error: 'canceled' });
    expect(sink.finished('waiting')).toMatchObject({ status: 'canceled', error: 'canceled before it started', attempts: 0 });
    expect(sink.of('node.started').map((e) => e.nodeId)).toEqual(['long']);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.of('node.log')).toEqual([]);
    expect(processesOfRun(run.id)).toEqual([]);
  });

  it('times a node that waited from its own start, and still kills it at its timeout', async () => {
    h = harness({ launch, killGraceMs: 200 });
    const doc = pipeline([
      shell('first', 'sleep 0.6'),
      shell('patient', 'sleep 0.3; echo ok', { settings: { timeoutSeconds: 0.5 } }),
      shell('stuck', 'sleep 30', { settings: { timeoutSeconds: 0.4 } }),
    ]);
    const { sink, id } = await h.run(doc, { concurrency: 1 });
    expect(sink.finished('patient')).toMatchObject({ status: 'succeeded' });
    expect(sink.finished('stuck')).toMatchObject({ status: 'failed', error: 'timed out after 0.4 s; its processes were killed' });
    expect(sink.finished('stuck').durationMs).toBeLessThan(5000);
    expect(peakRunning(sink.events)).toBe(1);
    expect(processesOfRun(id)).toEqual([]);
  });

  it('a failing node ahead hands its slot on; its downstream is skipped, the node behind it runs', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('bad', 'sleep 0.2; exit 3'), shell('after', 'echo never'), shell('other', 'echo fine')], [edge('bad', 'after')]);
    const { sink, status } = await h.run(doc, { concurrency: 1 });
    expect(status).toBe('failed');
    expect(sink.finished('bad')).toMatchObject({ status: 'failed', exitCode: 3 });
    expect(sink.finished('after')).toMatchObject({ status: 'skipped' });
    expect(sink.finished('other')).toMatchObject({ status: 'succeeded' });
    expect(sink.of('node.log').map((e) => `${e.nodeId}:${e.text}`)).toEqual(['other:fine']);
    expect(peakRunning(sink.events)).toBe(1);
  });

  it('a node that retries keeps its slot between attempts', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('flaky', 'sleep 0.1; exit 1', { settings: { retries: 2 } }), shell('other', 'echo other')]);
    const { sink } = await h.run(doc, { concurrency: 1 });
    expect(sink.finished('flaky')).toMatchObject({ status: 'failed', attempts: 3 });
    const order = sink.events.filter((e) => e.type === 'node.started' || e.type === 'node.finished').map((e) => `${e.type}:${e.nodeId}`);
    expect(order).toEqual(['node.started:flaky', 'node.started:flaky', 'node.started:flaky', 'node.finished:flaky', 'node.started:other', 'node.finished:other']);
  });
});
