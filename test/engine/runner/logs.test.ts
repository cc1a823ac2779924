// Logs end to end with real processes: exact line counts per stream, pages across chunks, stream filter, search,
// resume after a seq, and the UI batcher's cap with gaps.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import type { RunEventBatch } from '../../../shared/runs/run-events';
import { UiBatcher } from '../../../engine/runner/ui-batcher';
import { CollectSink, harness, nodeScript, pipeline, shell, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

/** stdout lines "out <i>", and every 10th line also "err <i>" on stderr. */
const producer = (lines: number) =>
  nodeScript(
    `let out = ""; let err = ""; for (let i = 0; i < ${lines}; i++) { out += "out " + i + "\\n"; if (i % 10 === 0) err += "err " + i + "\\n"; } ` +
      'process.stderr.write(err); process.stdout.write(out); process.stdout.write("no newline at the end")',
  );

describe.each(['direct', 'node-spawner', 'python-spawner'] as const)('logs (node processes started %s)', (launch) => {
  it('persists every line of a chatty node, pages across chunks, filters by stream and searches', async () => {
    h = harness({ launch });
    const lines = 200_000;
    const { id, sink } = await h.run(pipeline([shell('chatty', producer(lines))]));
    const logs = h.service.logs;
    expect(logs.total(id, 'chatty', 'stdout')).toBe(lines + 1);
    expect(logs.total(id, 'chatty', 'stderr')).toBe(lines / 10);
    expect(logs.total(id, 'chatty')).toBe(lines + 1 + lines / 10);
    expect(h.service.runs.get(id).nodes[0]!.logLines).toBe(lines + 1 + lines / 10);
    expect(sink.of('node.log')).toHaveLength(lines + 1 + lines / 10);

    const page = logs.page(id, 'chatty', 150_000, 5, 'stdout');
    expect(page.lines.map((l) => l.text)).toEqual(['out 150000', 'out 150001', 'out 150002', 'out 150003', 'out 150004']);
    expect(page.lines[0]).toMatchObject({ line: 150_000, stream: 'stdout' });
    expect(logs.page(id, 'chatty', lines, 10, 'stdout').lines.map((l) => l.text)).toEqual(['no newline at the end']);
    expect(logs.page(id, 'chatty', 19_999, 3, 'stderr').lines.map((l) => l.text)).toEqual(['err 199990']);
    const first = logs.page(id, 'chatty', 0, 50_000);
    expect(first.lines).toHaveLength(50_000);
    expect(first.lines.map((l) => l.line)).toEqual(first.lines.map((_, i) => i));
    // The whole log, both streams in one numbering (their order within a stream exact; see docs/runner.md).
    const all = logs.page(id, 'chatty', 0, lines + 1 + lines / 10).lines;
    expect(all.map((l) => l.line)).toEqual(all.map((_, i) => i));
    expect(all.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(Array.from({ length: lines / 10 }, (_, i) => `err ${i * 10}`));
    expect(all.filter((l) => l.stream === 'stdout').at(-2)?.text).toBe(`out ${lines - 1}`);

    expect(logs.search(id, 'chatty', 'OUT 12345', 100, 'stdout')).toEqual({ lines: [12345, 123450, 123451, 123452, 123453, 123454, 123455, 123456, 123457, 123458, 123459], truncated: false });
    expect(logs.search(id, 'chatty', 'err', 3, 'stderr')).toEqual({ lines: [0, 1, 2], truncated: true });
  });

  it('returns events after a seq for a client that reconnects, with logs beyond the cap as gaps', async () => {
    h = harness({ launch });
    const { id, sink } = await h.run(pipeline([shell('a', producer(3000)), shell('b', 'echo b')]));
    const middle = sink.events[Math.floor(sink.events.length / 2)]!.seq;
    const resumed = h.service.logs.linesAfter(id, middle, 100_000);
    const events = [...h.service.runs.eventsAfter(id, middle), ...resumed.events].sort((x, y) => x.seq - y.seq);
    expect(events.map((e) => e.seq)).toEqual(sink.events.filter((e) => e.seq > middle).map((e) => e.seq));
    expect(resumed.gaps).toEqual([]);
    const capped = h.service.logs.linesAfter(id, 0, 100);
    expect(capped.events.filter((e) => e.nodeId === 'a')).toHaveLength(99);
    expect(capped.gaps).toEqual([{ nodeId: 'a', fromLine: 0, count: 3000 + 1 + 300 - 99 }]);
  });

  it('tells live views what a progress bar shows while its line is unfinished, and stores the whole line once it ends', async () => {
    h = harness({ launch });
    const bar = nodeScript('let i = 0; const t = setInterval(() => { i++; process.stderr.write("\\r" + i * 10 + "%"); if (i === 6) { clearInterval(t); process.stderr.write("\\n"); console.log("done"); } }, 150)');
    const { id, sink } = await h.run(pipeline([shell('train', bar)]));
    const shown = sink.inProgress.filter((l) => l.nodeId === 'train' && l.stream === 'stderr');
    const texts = shown.map((l) => l.text);
    const bars = texts.filter(Boolean);
    expect(bars.length).toBeGreaterThanOrEqual(2);
    for (const text of bars) expect(text).toMatch(/^[1-6]0%$/);
    expect(bars.map((t) => parseInt(t, 10))).toEqual([...bars.map((t) => parseInt(t, 10))].sort((a, b) => a - b));
    // Reported live — before the node finished — and ended ('') once the line break came.
    const finishedAt = sink.events.findIndex((e) => e.type === 'node.finished');
    expect(shown.every((l) => l.after <= finishedAt)).toBe(true);
    expect(texts.at(-1)).toBe('');
    expect(h.service.logs.page(id, 'train', 0, 10, 'stderr').lines.map((l) => l.text)).toEqual(['\r10%\r20%\r30%\r40%\r50%\r60%']);
    expect(h.service.logs.page(id, 'train', 0, 10, 'stdout').lines.map((l) => l.text)).toEqual(['done']);

    const batches: RunEventBatch[] = [];
    const ui = new UiBatcher('r1', (batch) => batches.push(batch));
    ui.lineInProgress({ nodeId: 'train', stream: 'stderr', text: '10%' });
    ui.lineInProgress({ nodeId: 'train', stream: 'stderr', text: '20%' });
    ui.lineInProgress({ nodeId: 'eval', stream: 'stdout', text: 'loading' });
    await new Promise((r) => setTimeout(r, 80));
    expect(batches).toEqual([{ runId: 'r1', events: [], gaps: [], lastSeq: 0, inProgress: [{ nodeId: 'train', stream: 'stderr', text: '20%' }, { nodeId: 'eval', stream: 'stdout', text: 'loading' }] }]);
  });

  it('batches UI events every ~50 ms, keeping each node\'s latest lines and reporting the rest as a gap', async () => {
    h = harness({ launch });
    const batches: RunEventBatch[] = [];
    const sink = new UiBatcher('r1', (batch) => batches.push(batch), 100);
    const aBytes = Buffer.from(Array.from({ length: 150 }, (_, i) => `a${i}`).join('\n'));
    sink.logs({ runId: 'r1', nodeId: 'a', stream: 'stdout', firstSeq: 1, firstLine: 0, streamLine: 0, count: 150, terminated: true, bytes: aBytes, at: 0 });
    // The log tail reads its next block into the same memory: what the batcher keeps must not change with it.
    aBytes.fill('?');
    sink.logs({ runId: 'r1', nodeId: 'b', stream: 'stderr', firstSeq: 151, firstLine: 0, streamLine: 0, count: 2, terminated: true, bytes: Buffer.from('b0\nb1'), at: 0 });
    sink.event({ type: 'node.finished', runId: 'r1', seq: 153, at: 0, nodeId: 'b', status: 'succeeded', exitCode: 0, durationMs: 1, cached: false, attempts: 1 });
    expect(batches).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 80));
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch!.lastSeq).toBe(153);
    expect(batch!.gaps).toEqual([{ nodeId: 'a', fromLine: 0, count: 52 }]);
    const texts = batch!.events.map((e) => (e.type === 'node.log' ? e.text : e.type));
    expect(texts).toEqual([...Array.from({ length: 98 }, (_, i) => `a${52 + i}`), 'b0', 'b1', 'node.finished']);
    expect(batch!.events.map((e) => e.seq)).toEqual([...Array.from({ length: 98 }, (_, i) => 53 + i), 151, 152, 153]);
  });
});

describe.each(['direct', 'node-spawner', 'python-spawner'] as const)('logs that cannot be stored (node processes started %s)', (launch) => {
  it('stop the run with a clear error instead of losing lines silently', async () => {
    h = harness({ launch, killGraceMs: 200 });
    const sink = new CollectSink();
    await h.ready();
    const run = h.service.start({
      pipeline: pipeline([shell('talk', 'sleep 0.3; echo hello; sleep 30'), shell('other', 'sleep 30')]),
      baseDir: h.work,
      params: {},
      options: runOptionsSchema.parse({ concurrency: 2 }),
      trigger: 'api',
      sinks: [sink],
    });
    // The log folder's place is taken by a file: like a full or read-only disk, the bytes cannot be written.
    writeFileSync(join(h.home, 'artifacts', run.id, '_logs'), '');
    const started = Date.now();
    const finished = await run.done;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(finished.status).toBe('failed');
    expect(finished.error).toMatch(/^could not store the run \(cannot write the log of talk: .*\); it was stopped$/);
    expect(sink.finished('talk').status).toBe('canceled');
    expect(sink.finished('other').status).toBe('canceled');
    expect(h.service.runs.get(run.id)).toMatchObject({ status: 'failed', error: finished.error });
  });
});
