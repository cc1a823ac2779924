// The scheduler with real tiny processes: ordering, the concurrency bound, failure → skipped (down a long chain too),
// fail-fast, partial runs.
import { afterEach, describe, expect, it } from 'vitest';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import { CollectSink, edge, harness, nodeScript, pipeline, shell, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

describe.each(['direct', 'node-spawner', 'python-spawner'] as const)('scheduler (node processes started %s)', (launch) => {
  it('starts a node only after every upstream node finished, and reports node states in order', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('a', 'echo a'), shell('b', 'echo b'), shell('c', 'echo c'), shell('d', 'echo d')], [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')]);
    const { sink, status } = await h.run(doc);
    expect(status).toBe('succeeded');
    const seqOf = (type: string, id: string) => sink.events.find((e) => e.type === type && 'nodeId' in e && e.nodeId === id)!.seq;
    for (const [up, down] of [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']]) {
      expect(seqOf('node.finished', up!)).toBeLessThan(seqOf('node.started', down!));
    }
    expect(sink.events.map((e) => e.seq)).toEqual(sink.events.map((_, i) => i + 1));
    expect(sink.of('node.queued').map((e) => e.nodeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(sink.of('node.log').map((e) => `${e.nodeId}:${e.text}`).sort()).toEqual(['a:a', 'b:b', 'c:c', 'd:d']);
    expect(sink.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded', counts: { succeeded: 4 } });
  });

  it('never runs more nodes at once than the concurrency limit, and does reach it', async () => {
    h = harness({ launch });
    const nodes = Array.from({ length: 6 }, (_, i) => shell(`n${i}`, nodeScript('setTimeout(() => {}, 300)')));
    const { sink } = await h.run(pipeline(nodes), { concurrency: 2 });
    let running = 0;
    let peak = 0;
    for (const e of sink.events) {
      if (e.type === 'node.started') peak = Math.max(peak, ++running);
      if (e.type === 'node.finished') running--;
    }
    expect(peak).toBe(2);
    const three = await h.run(pipeline(nodes.map((n) => ({ ...n, id: `${n.id}x` }))), { concurrency: 3, noCache: true });
    running = 0;
    peak = 0;
    for (const e of three.sink.events) {
      if (e.type === 'node.started') peak = Math.max(peak, ++running);
      if (e.type === 'node.finished') running--;
    }
    expect(peak).toBe(3);
  });

  it('a failed node skips everything downstream and lets independent branches finish', async () => {
    h = harness({ launch });
    const doc = pipeline(
      [shell('bad', 'echo "boom: the input is empty" >&2; exit 3'), shell('after', 'echo never'), shell('later', 'echo never'), shell('other', 'sleep 0.2; echo fine')],
      [edge('bad', 'after'), edge('after', 'later')],
    );
    const { sink, status, id } = await h.run(doc);
    expect(status).toBe('failed');
    expect(sink.finished('bad')).toMatchObject({ status: 'failed', exitCode: 3, error: 'exited with code 3: boom: the input is empty' });
    expect(sink.finished('after')).toMatchObject({ status: 'skipped', error: 'upstream node bad failed' });
    expect(sink.finished('later')).toMatchObject({ status: 'skipped', error: 'upstream node after was skipped' });
    expect(sink.finished('other')).toMatchObject({ status: 'succeeded' });
    expect(sink.of('node.started').map((e) => e.nodeId).sort()).toEqual(['bad', 'other']);
    const stored = h.service.runs.get(id);
    expect(stored).toMatchObject({ status: 'failed', error: 'node bad failed: exited with code 3: boom: the input is empty', counts: { failed: 1, skipped: 2, succeeded: 1 } });
  });

  it("a failed node's error is its last stderr line as plain text: colours and a blank reset line left out", async () => {
    h = harness({ launch });
    const doc = pipeline([shell('bad', "printf '\\033[31mboom\\033[0m: no such column\\n\\033[0m\\n' >&2; exit 3")], []);
    const { sink } = await h.run(doc);
    expect(sink.finished('bad')).toMatchObject({ status: 'failed', error: 'exited with code 3: boom: no such column' });
  });

  it('finishes the run once when its last nodes end skipped, as a failure cascades', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('bad', 'exit 3'), shell('after', 'echo never'), shell('later', 'echo never')], [edge('bad', 'after'), edge('after', 'later')]);
    const { sink, status, id } = await h.run(doc);
    expect(status).toBe('failed');
    expect(sink.of('run.finished')).toHaveLength(1);
    expect(sink.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'failed', counts: { failed: 1, skipped: 2 } });
    expect(h.service.runs.eventsAfter(id, 0).filter((e) => e.type === 'run.finished')).toHaveLength(1);
  });

  it('skips or cancels the rest of a 5,000-node chain without running out of stack', async () => {
    h = harness({ launch });
    const chain = (first: string, command: string) => {
      const ids = Array.from({ length: 5000 }, (_, i) => `${first}${i}`);
      return pipeline(
        ids.map((id, i) => shell(id, i === 0 ? command : 'true')),
        ids.slice(1).map((id, i) => edge(ids[i]!, id)),
      );
    };
    const failed = await h.run(chain('f', 'exit 3'));
    expect(failed.status).toBe('failed');
    expect(failed.sink.events.at(-1)).toMatchObject({ type: 'run.finished', counts: { failed: 1, skipped: 4999 } });
    expect(failed.sink.finished('f4999')).toMatchObject({ status: 'skipped', error: 'upstream node f4998 was skipped' });

    const sink = new CollectSink();
    const run = h.service.start({ pipeline: chain('c', 'sleep 30'), baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api', sinks: [sink] });
    await expect.poll(() => sink.of('node.started').length, { timeout: 10_000 }).toBe(1);
    run.cancel();
    expect((await run.done).counts).toEqual({ canceled: 5000 });
    expect(sink.of('run.finished')).toHaveLength(1);
  });

  it('fail-fast starts nothing new after a failure but lets running nodes finish', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('slow', 'sleep 0.5; echo done'), shell('bad', 'exit 1'), shell('waiting', 'echo no')], [edge('bad', 'waiting')]);
    const extra = shell('queued', 'echo no');
    const { sink, status } = await h.run({ ...doc, nodes: [...doc.nodes, extra] }, { concurrency: 2, failFast: true });
    expect(status).toBe('failed');
    expect(sink.finished('slow').status).toBe('succeeded');
    expect(sink.finished('waiting').status).toBe('skipped');
    expect(sink.finished('queued')).toMatchObject({ status: 'canceled', error: 'not started: the run stopped after bad failed (fail-fast)' });
  });

  it('runs only the scope asked for, taking what it needs from the cache (or running it when not cached)', async () => {
    h = harness({ launch });
    const doc = pipeline(
      [
        shell('load', 'echo data > {{outputs.out}}', { outputs: [{ id: 'out', type: 'dataset' }] }),
        shell('train', 'cat {{inputs.in}} > {{outputs.out}}', { inputs: [{ id: 'in', type: 'dataset' }], outputs: [{ id: 'out', type: 'dataset' }] }),
        shell('report', 'cat {{inputs.in}}', { inputs: [{ id: 'in', type: 'dataset' }] }),
        shell('unrelated', 'echo x'),
      ],
      [edge('load.out', 'train.in'), edge('train.out', 'report.in')],
    );
    const from = await h.run(doc, { scope: { mode: 'from', nodeIds: ['train'] } });
    expect(from.status).toBe('succeeded');
    // load was not asked for and never cached: it runs so train has its input; unrelated is not part of the run.
    expect(from.sink.of('node.queued').map((e) => e.nodeId)).toEqual(['load', 'train', 'report']);
    const upTo = await h.run(doc, { scope: { mode: 'upTo', nodeIds: ['train'] }, noCache: true });
    expect(upTo.sink.of('node.queued').map((e) => e.nodeId)).toEqual(['load', 'train']);
    expect(upTo.sink.of('node.started').map((e) => e.nodeId)).toEqual(['load', 'train']);
    const selected = await h.run(doc, { scope: { mode: 'selected', nodeIds: ['report'] }, noCache: true });
    expect(selected.sink.finished('load').status).toBe('cached');
    expect(selected.sink.finished('train').status).toBe('cached');
    expect(selected.sink.finished('report').status).toBe('succeeded');
    expect(selected.sink.of('node.log').find((e) => e.nodeId === 'report')!.text).toBe('data');
  });

  it('refuses an invalid pipeline, unknown nodes in the scope and unknown parameters with the problems', () => {
    h = harness({ launch });
    const start = (doc: ReturnType<typeof pipeline>, options = {}, params = {}) => () =>
      h.service.start({ pipeline: doc, baseDir: h.work, params, options: { scope: { mode: 'all', nodeIds: [] }, noCache: false, force: [], failFast: false, ...options }, trigger: 'api' });
    expect(start(pipeline([shell('a', 'true'), shell('b', 'true')], [edge('a', 'b'), edge('b', 'a')]))).toThrow(/cycle: a → b → a/);
    expect(start(pipeline([shell('a', 'true')]), { scope: { mode: 'selected', nodeIds: ['zzz'] } })).toThrow(/no node "zzz"/);
    expect(start(pipeline([shell('a', 'true')]), {}, { size: 3 })).toThrow(/no parameter "size"/);
    expect(start(pipeline([]))).toThrow(/no nodes to run/);
    expect(h.service.runs.list({ limit: 10 })).toEqual([]);
  });
});
