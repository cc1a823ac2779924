// An open app follows the runs other processes run on its data home: a real `pipewright run` in another process
// reaches the app's clients as `run.events` batches while it runs — every event and line once, in order — and a
// killed one ends as interrupted without anyone asking.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBatch } from '../../shared/runs/run-events';
import { CLI } from '../support/run-cli';
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

/** An app on `home` (over the WebSocket transport, as the web UI connects) that follows other processes' runs. */
async function openApp(home: string): Promise<{ app: Connected; batches: RunEventBatch[] }> {
  const app = await connect('websocket', home);
  app.engine.ctx.runner.followOtherProcesses();
  const batches: RunEventBatch[] = [];
  app.api.subscribe('run.events', (batch) => batches.push(batch));
  return { app, batches };
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
