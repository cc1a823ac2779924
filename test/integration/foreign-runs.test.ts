// An open app follows the runs other processes run on its data home: a real `pipewright run` in another process
// reaches the app's clients as `run.events` batches while it runs — every event and line once, in order — and a
// killed one ends as interrupted without anyone asking. Its Cancel reaches them too: a terminal's sweep (one run, or
// all of it) and another app's run. Pipelines it imports reach the app's list, and runs it deletes leave it.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineChangedEvent, SweepChangedEvent } from '../../shared/api/index';
import type { RunEvent, RunEventBatch } from '../../shared/runs/run-events';
import { PipelineChangeWatcher } from '../../engine/pipelines/pipeline-change-watcher';
import { CLI, runCli } from '../support/run-cli';
import { sweptPipelineFile } from '../support/pipeline-files';
import { tempDir } from '../support/temp-home';
import { connect, type Connected } from '../support/transports';
import { processesOfRun } from '../engine/runner/run-helpers';

function writePipeline(nodes: { id: string; command: string }[]): string {
  const file = join(tempDir(), 'terminal.pipeline.json');
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
  const document = { schemaVersion: 1, name: 'terminal', nodes: nodes.map((n) => ({ id: n.id, type: 'script.shell', params: { command: n.command }, position: { x: 0, y: 0 } })), edges };
  writeFileSync(file, JSON.stringify(document));
  return file;
}

/**
 * An app on `home` (over the WebSocket transport, as the web UI connects) that follows other processes' runs: the
 * batches its clients get, and the runs it hears were deleted.
 */
async function openApp(home: string): Promise<{ app: Connected; batches: RunEventBatch[]; deletions: string[][] }> {
  const app = await connect('websocket', home);
  const deletions: string[][] = [];
  app.engine.ctx.runner.followOtherProcesses((runIds) => deletions.push(runIds));
  const batches: RunEventBatch[] = [];
  app.api.subscribe('run.events', (batch) => batches.push(batch));
  // A round trip after the subscription: the server has taken it before any batch is published. Without it a run that
  // a blocking runCli() made before the socket opened could be published to nobody (seen once on two busy cores).
  await app.api.invoke('app.info', {});
  return { app, batches, deletions };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const finished = (batches: RunEventBatch[]) => batches.some((b) => b.events.some((e) => e.type === 'run.finished'));
const allEvents = (batches: RunEventBatch[]): RunEvent[] => batches.flatMap((b) => b.events);

let opened: Connected | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe('runs of other processes', () => {
  it('reach an open app live, every event and log line once and in order', async () => {
    const home = tempDir();
    const { app, batches } = await openApp(home);
    opened = app;
    const file = writePipeline([
      { id: 'count', command: 'for i in $(seq 1 40); do echo "line $i"; sleep 0.025; done' },
      { id: 'after', command: 'echo done >&2' },
    ]);
    const cli = spawn(process.execPath, [CLI, 'run', file], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' });
    let linesBeforeExit = -1;
    const exited = new Promise<number | null>((resolve) =>
      cli.once('exit', (code) => {
        linesBeforeExit = allEvents(batches).filter((e) => e.type === 'node.log').length;
        resolve(code);
      }),
    );
    expect(await exited).toBe(0);
    await until(() => finished(batches), 'run.finished');

    // Live: lines arrived while the other process still ran (not only once it had ended).
    expect(linesBeforeExit).toBeGreaterThan(0);
    const events = allEvents(batches);
    const runId = events[0]!.runId;
    expect(batches.every((b) => b.runId === runId)).toBe(true);
    expect(events[0]!.type).toBe('run.started');
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const logs = events.filter((e) => e.type === 'node.log');
    expect(logs.filter((e) => e.nodeId === 'count').map((e) => e.text)).toEqual(Array.from({ length: 40 }, (_, i) => `line ${i + 1}`));
    expect(logs.filter((e) => e.nodeId === 'after').map((e) => [e.stream, e.text])).toEqual([['stderr', 'done']]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
    // Exactly what the store holds, nothing skipped.
    const stored = await app.api.invoke('run.events', { runId, afterSeq: 0, maxLogLines: 100_000 });
    expect(seqs).toEqual(stored.events.map((e) => e.seq));
    expect(batches.flatMap((b) => b.gaps)).toEqual([]);
  });

  it('a run that begins and ends between two looks (fully cached) reaches the app all the same', async () => {
    // Before: only runs marked running at a look were followed, so a cached terminal run (~0.2 s) never showed.
    const home = tempDir();
    const file = writePipeline([{ id: 'one', command: 'echo once' }]);
    expect(runCli(['run', file], { home }).status).toBe(0);
    const { app, batches } = await openApp(home);
    opened = app;
    expect(runCli(['run', file], { home }).status).toBe(0);
    await until(() => finished(batches), 'run.finished');
    const events = allEvents(batches);
    expect(events[0]).toMatchObject({ type: 'run.started' });
    expect(events.filter((e) => e.type === 'node.finished').map((e) => e.status)).toEqual(['cached']);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
  });

  it("show a node's progress bar while its line is unfinished, and stop showing it when the line ends", async () => {
    // Before: lines in progress were not stored, so an app following a terminal's run saw a training bar only at its end.
    const home = tempDir();
    const { app, batches } = await openApp(home);
    opened = app;
    const bar = "for i in $(seq 1 15); do printf '\\rtraining %d/15' $i >&2; sleep 0.1; done; echo >&2; echo trained";
    const file = writePipeline([{ id: 'train', command: bar }]);
    const cli = spawn(process.execPath, [CLI, 'run', file], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' });
    expect(await new Promise((resolve) => cli.once('exit', resolve))).toBe(0);
    await until(() => finished(batches), 'run.finished');
    const shown = batches.flatMap((b) => b.inProgress ?? []);
    const texts = shown.map((line) => line.text);
    expect(shown.every((line) => line.nodeId === 'train' && line.stream === 'stderr')).toBe(true);
    expect(texts.filter((text) => /^training \d+\/15$/.test(text)).length).toBeGreaterThan(2);
    expect(texts.at(-1)).toBe('');
    const lines = allEvents(batches).filter((e) => e.type === 'node.log');
    expect(lines.map((e) => e.text)).toContain('trained');
  });

  it('a run going when the app opens is followed from where it is; a killed one ends interrupted unasked', async () => {
    const home = tempDir();
    const file = writePipeline([
      { id: 'slow', command: 'echo begun; sleep 60' },
      { id: 'next', command: 'true' },
    ]);
    const cli = spawn(process.execPath, [CLI, 'run', file, '--json'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const runId = await new Promise<string>((resolve) =>
      cli.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const begun = out.split('\n').find((line) => line.includes('"text":"begun"'));
        if (begun) resolve((JSON.parse(begun) as { runId: string }).runId);
      }),
    );
    await new Promise((r) => setTimeout(r, 300)); // the CLI commits its batch
    const { app, batches } = await openApp(home);
    opened = app;
    const { lastSeq } = await app.api.invoke('run.get', { runId });
    cli.kill('SIGKILL');
    await until(() => finished(batches), 'run.finished');
    const events = allEvents(batches);
    // Nothing it had stored before the app opened is sent again.
    expect(events.every((e) => e.seq > lastSeq)).toBe(true);
    const ended = events.filter((e) => e.type === 'node.finished');
    expect(ended.map((e) => [e.nodeId, e.status]).sort()).toEqual([
      ['next', 'canceled'],
      ['slow', 'canceled'],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', runId, status: 'interrupted' });
    await new Promise((r) => setTimeout(r, 100));
    expect(processesOfRun(runId)).toEqual([]);
  });

  it('runs another process deletes reach the app; a run started after the newest was deleted is followed all the same', async () => {
    // Before migration 8 a new run took the deleted newest run's rowid, which the app had seen: it was never followed.
    const home = tempDir();
    const { app, batches, deletions } = await openApp(home);
    opened = app;
    const file = writePipeline([{ id: 'one', command: 'echo one' }]);
    expect(runCli(['run', file], { home }).status).toBe(0);
    await until(() => finished(batches), 'the first run');
    const first = batches[0]!.runId;
    expect(runCli(['runs', 'delete', first], { home }).status).toBe(0);
    await until(() => deletions.length > 0, 'the deletion');
    expect(deletions).toEqual([[first]]);

    batches.length = 0;
    expect(runCli(['run', file], { home }).status).toBe(0);
    await until(() => finished(batches), 'the run after the deletion');
    const second = batches[0]!.runId;
    expect(second).not.toBe(first);
    // The app's own deletions are announced by the app itself, not again by the follower.
    await app.api.invoke('run.delete', { runIds: [second] });
    await new Promise((r) => setTimeout(r, 500));
    expect(deletions).toEqual([[first]]);
  });

  it('runs of the app itself are not sent twice', async () => {
    const home = tempDir();
    const { app, batches } = await openApp(home);
    opened = app;
    // Long enough for a few of the follower's looks while it runs.
    const file = writePipeline([{ id: 'one', command: 'echo one; sleep 0.6' }]);
    const imported = await app.api.invoke('pipeline.import', { text: readFileSync(file, 'utf8'), fileName: 'terminal.pipeline.json' });
    const run = await app.api.invoke('run.start', { pipelineId: imported.id });
    await until(() => finished(batches), 'run.finished');
    await new Promise((r) => setTimeout(r, 300));
    const seqs = allEvents(batches).map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(batches.every((b) => b.runId === run.id)).toBe(true);
  });
});

describe('pipelines changed by other processes', () => {
  it('reach the open app within a second: an import, then a new revision; nothing when nothing changed', async () => {
    // Before: `pipewright import` in a terminal did not show in an open app's list until it was reloaded.
    const home = tempDir();
    const app = await connect('in-memory', home);
    opened = app;
    const changed: PipelineChangedEvent[] = [];
    const watcher = new PipelineChangeWatcher(app.engine.ctx.pipelines, (event) => changed.push(event));
    watcher.start();
    try {
      const file = writePipeline([{ id: 'one', command: 'true' }]);
      expect(runCli(['import', file], { home }).status).toBe(0);
      await until(() => changed.length === 1, 'the import to be noticed');
      const [record] = await app.api.invoke('pipeline.list', {});
      expect(changed).toEqual([{ id: record!.id, revision: 1 }]);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"true"', '"echo changed"'));
      expect(runCli(['import', '--replace', file], { home }).status).toBe(0);
      await until(() => changed.length === 2, 'the new revision to be noticed');
      expect(changed[1]).toEqual({ id: record!.id, revision: 2 });
      await new Promise((r) => setTimeout(r, 1200)); // a look with nothing new publishes nothing
      expect(changed).toHaveLength(2);
    } finally {
      watcher.stop();
    }
  });
});

describe('sweeps of other processes', () => {
  it('show their progress in an open app as they go, up to how they ended', async () => {
    // Before: an app saw a terminal's sweep move only when someone pressed Refresh.
    const home = tempDir();
    const file = sweptPipelineFile('sleep 0.5; echo {{params.x}}');
    const app = await connect('in-memory', home);
    opened = app;
    const seen: SweepChangedEvent[] = [];
    app.engine.ctx.tracking.followOtherProcesses((event) => seen.push(event));
    const cli = spawn(process.execPath, [CLI, 'run', file, '--sweep', 'x=1,2', '--sweep-parallel', '1'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' });
    expect(await new Promise((resolve) => cli.once('exit', resolve))).toBe(0);
    await until(() => seen.some((e) => e.status !== 'running'), 'the sweep to end');
    const states = seen.map((e) => `${e.status} ${e.done}/${e.total}`);
    expect(states).toContain('running 1/2');
    expect(states.at(-1)).toBe('finished 2/2');
    expect(states.filter((state, i) => state === states[i - 1])).toEqual([]); // published when it moved, not every look
  });
});

describe('Cancel on runs of other processes', () => {
  /** Polls `read` until it returns something truthy. */
  async function eventually<T>(read: () => Promise<T | undefined | false>, what: string): Promise<T> {
    for (let waited = 0; ; waited += 100) {
      const value = await read();
      if (value) return value;
      if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('reaches a sweep in a terminal: one of its runs (the sweep goes on), then the whole sweep', async () => {
    // Before: "run by another Pipewright process (an app or a sweep); cancel it there", for both.
    const home = tempDir();
    const file = sweptPipelineFile('echo begun {{params.x}}; sleep 60');
    const app = await connect('in-memory', home);
    opened = app;
    const cli = spawn(process.execPath, [CLI, 'run', file, '--sweep', 'x=1,2,3', '--sweep-parallel', '1'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
    try {
      const runningRun = async () => {
        const runs = await app.api.invoke('run.list', { limit: 10 });
        return runs.find((r) => r.status === 'running' && processesOfRun(r.id).length > 0);
      };
      const first = await eventually(runningRun, 'the sweep to run its first run');
      expect(await app.api.invoke('run.cancel', { runId: first.id })).toEqual({ canceled: true });
      await eventually(async () => (await app.api.invoke('run.get', { runId: first.id })).status === 'canceled', 'the first run to end canceled');
      expect(processesOfRun(first.id)).toEqual([]);
      const second = await eventually(async () => {
        const run = await runningRun();
        return run && run.id !== first.id && run;
      }, 'the sweep to go on with its next run');

      const [sweep] = await app.api.invoke('sweep.list', { limit: 1 });
      expect(await app.api.invoke('sweep.cancel', { sweepId: sweep!.id })).toEqual({ canceled: true });
      expect(await exited).toBe(1);
      expect((await app.api.invoke('sweep.get', { sweepId: sweep!.id })).status).toBe('canceled');
      expect((await app.api.invoke('run.get', { runId: second.id })).status).toBe('canceled');
      expect(processesOfRun(second.id)).toEqual([]);
      expect((await app.api.invoke('run.list', { limit: 10 })).length).toBe(2); // the third never started
    } finally {
      cli.kill('SIGKILL');
    }
  });

  it("reaches another app's run on the same data home", async () => {
    const home = tempDir();
    const [owner, other] = [await connect('in-memory', home), await connect('in-memory', home)];
    try {
      const file = writePipeline([{ id: 'slow', command: 'echo begun; sleep 60' }]);
      const imported = await owner.api.invoke('pipeline.import', { text: readFileSync(file, 'utf8'), fileName: 'slow.pipeline.json' });
      const run = await owner.api.invoke('run.start', { pipelineId: imported.id });
      await eventually(async () => processesOfRun(run.id).length > 0, 'the node to start');
      expect(await other.api.invoke('run.cancel', { runId: run.id })).toEqual({ canceled: true });
      const ended = await eventually(async () => {
        const detail = await owner.api.invoke('run.get', { runId: run.id });
        return detail.status !== 'running' && detail;
      }, 'the run to end');
      expect(ended.status).toBe('canceled');
      expect(processesOfRun(run.id)).toEqual([]);
    } finally {
      await other.close();
      await owner.close();
    }
  });
});
