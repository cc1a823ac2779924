// `pipewright run` and `pipewright runs` as subprocesses: prefixed logs, exit codes 0/1/2, --json events, params,
// stored pipelines by name, a cached second run, and a third that says what changed.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/runs/run-events';
import { fixturePath } from '../support/fixtures';
import { CLI, runCli } from '../support/run-cli';
import { processesOfRun } from '../engine/runner/run-helpers';
import { tempDir } from '../support/temp-home';

function writePipeline(dir: string, nodes: object[], edges: object[] = [], parameters: object[] = []): string {
  const file = join(dir, 'p.pipeline.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'cli-run', parameters, nodes, edges }));
  return file;
}

const node = (id: string, command: string) => ({ id, type: 'script.shell', params: { command }, position: { x: 0, y: 0 } });

describe('pipewright run', () => {
  it('runs a pipeline file with prefixed logs and exits 0; a second run is served from the cache', () => {
    const home = tempDir();
    const first = runCli(['run', fixturePath('pipelines/hello.pipeline.json'), '--param', 'greeting=bonjour'], { home });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^run \S+ of hello: 2 nodes, concurrency auto$/m);
    expect(first.stdout).toMatch(/^read {2}│ bonjour$/m);
    expect(first.stdout).toMatch(/^write │ ✔ succeeded in \d+ ms$/m);
    expect(first.stdout).toMatch(/^run \S+ succeeded in \d+ ms: 2 succeeded$/m);
    const second = runCli(['run', fixturePath('pipelines/hello.pipeline.json'), '--param', 'greeting=bonjour'], { home });
    expect(second.stdout).toMatch(/^read {2}│ ↺ cached in \d+ ms, saved \d+ ms$/m);
    // The run's last line sums what its cached nodes took to make.
    expect(second.stdout).toMatch(/^run \S+ succeeded in \d+ ms: 2 cached; the cache saved \d+ ms of node time$/m);
    expect(second.stdout).not.toMatch(/Cache miss/);
    // A changed parameter: each node that runs again says why; one whose input content did not change stays cached.
    const third = runCli(['run', fixturePath('pipelines/hello.pipeline.json'), '--param', 'greeting=salut'], { home });
    expect(third.stdout).toMatch(/^write │ Cache miss: changed since the last cached result — params \(command: "echo bonjour > {{outputs\.text}}" → "echo salut > {{outputs\.text}}"\)\.$/m);
    expect(third.stdout).toMatch(/^read {2}│ Cache miss: changed since the last cached result — inputs\.text\.$/m);
    const runs = runCli(['runs', '--json'], { home });
    expect((JSON.parse(runs.stdout) as { status: string; trigger: string; params: object }[]).map((r) => [r.status, r.trigger, r.params])).toEqual([
      ['succeeded', 'cli', { greeting: 'salut' }],
      ['succeeded', 'cli', { greeting: 'bonjour' }],
      ['succeeded', 'cli', { greeting: 'bonjour' }],
    ]);
    expect(runCli(['runs'], { home }).stdout).toMatch(/^RUN\s+PIPELINE\s+STATUS\s+TRIGGER\s+STARTED\s+DURATION\s+NODES\n\S+\s+hello\s+succeeded\s+cli/);
  });

  it('exits 1 when a node fails, and 2 for an invalid pipeline, a bad parameter or bad options', () => {
    const home = tempDir();
    const dir = tempDir();
    const failing = writePipeline(dir, [node('ok', 'echo fine'), node('bad', 'echo "disk full" >&2; exit 4'), node('after', 'true')], [
      { id: 'e', source: 'bad', target: 'after' },
    ]);
    const failed = runCli(['run', failing], { home });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^bad\s+│ ✖ failed: exited with code 4: disk full$/m);
    expect(failed.stdout).toMatch(/^after │ – skipped: upstream node bad failed$/m);
    expect(failed.stdout).toMatch(/run \S+ failed in .*: 1 succeeded, 1 failed, 1 skipped/);
    // A built-in node's error is its own sentence, not "exited with code 1: pipewright: data.csv: …".
    const builtIn = runCli(['run', writePipeline(dir, [{ id: 'load', type: 'data.csv', params: { path: 'nowhere.csv' }, position: { x: 0, y: 0 } }])], { home });
    expect(builtIn.stdout).toMatch(/^load │ ✖ failed: file not found: \S+nowhere\.csv$/m);
    const unstartable = writePipeline(tempDir(), [{ ...node('split', 'true'), params: { command: 'true', env: { SPLIT: 'a\0b' } } }, node('missing', 'pipewright-no-such-program')]);
    const refused = runCli(['run', unstartable], { home });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^split\s+│ ✖ failed: environment variable SPLIT contains a NUL character \(\\0\): no process can be given one$/m);
    expect(refused.stdout).toMatch(/^missing │ ✖ failed: could not start the node's process: pipewright-no-such-program not found \(is it installed, and on PATH\?\) \[ENOENT\]$/m);

    const cycle = runCli(['run', fixturePath('pipelines/cycle.pipeline.yaml')], { home });
    expect(cycle.status).toBe(2);
    expect(cycle.stderr).toMatch(/error: the pipeline has a cycle/);
    const hello = fixturePath('pipelines/hello.pipeline.json');
    expect(runCli(['run', hello, '--param', 'colour=red'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('the pipeline has no parameter "colour" (it has: greeting)') });
    expect(runCli(['run', hello, '--param', 'oops'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--param takes name=value') });
    expect(runCli(['run', hello, '--concurrency', '0'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--concurrency must be') });
    // A typo in a node list must not quietly run everything, or quietly reuse the cache.
    expect(runCli(['run', hello, '--only', ''], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--only needs node ids, comma-separated; got ""') });
    expect(runCli(['run', hello, '--from', ' , '], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--from needs a node id; got " , "') });
    expect(runCli(['run', hello, '--to', 'a,b'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--to takes one node id; got "a,b"') });
    expect(runCli(['run', hello, '--force', 'gret'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('the pipeline has no node "gret" to force re-running') });
    expect(runCli(['run', 'nowhere.json'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file') });
    expect(runCli(['run', 'not-stored'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('neither a file nor a stored pipeline') });
  });

  it('prints every line of a chatty node once, in order, prefixed, its UTF-8 byte for byte (text and --json)', () => {
    const home = tempDir();
    // 5000 lines: above the printers' 64 KiB slices, below spawnSync's 1 MiB output buffer in --json.
    const file = writePipeline(tempDir(), [node('utf', 'i=0; while [ $i -lt 5000 ]; do echo "ligne $i héllo ✓"; i=$((i+1)); done')]);
    const text = runCli(['run', file, '--no-cache'], { home });
    expect(text.status).toBe(0);
    const lines = text.stdout.split('\n').filter((l) => l.startsWith('utf │ ligne'));
    expect(lines).toEqual(Array.from({ length: 5000 }, (_, i) => `utf │ ligne ${i} héllo ✓`));
    const json = runCli(['run', file, '--no-cache', '--json'], { home });
    const texts = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as RunEvent).flatMap((e) => (e.type === 'node.log' ? [e.text] : []));
    expect(texts).toEqual(Array.from({ length: 5000 }, (_, i) => `ligne ${i} héllo ✓`));
  });

  it('writes the same lines when standard output is a file (written to the descriptor directly)', () => {
    const dir = tempDir();
    const file = writePipeline(dir, [node('utf', 'i=0; while [ $i -lt 50000 ]; do echo "ligne $i héllo ✓"; i=$((i+1)); done; echo "sans fin ✓" >&2')]);
    const out = join(dir, 'out.log');
    const fd = openSync(out, 'w');
    const result = spawnSync(process.execPath, [CLI, 'run', file, '--no-cache'], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, PIPEWRIGHT_HOME: tempDir() } });
    closeSync(fd);
    expect(result.status).toBe(0);
    const printed = readFileSync(out, 'utf8').split('\n');
    expect(printed.filter((l) => l.startsWith('utf │ ligne'))).toEqual(Array.from({ length: 50000 }, (_, i) => `utf │ ligne ${i} héllo ✓`));
    expect(printed).toContain('utf │ sans fin ✓');
    expect(printed.at(-2)).toMatch(/^run \S+ succeeded in .*: 1 succeeded$/);
  });

  it('--json prints every event once, one JSON object per line, with seq 1, 2, 3, …', () => {
    const home = tempDir();
    const file = writePipeline(tempDir(), [node('count', 'for i in 1 2 3; do echo "line $i"; done; echo oops >&2')]);
    const result = runCli(['run', file, '--json'], { home });
    expect(result.status).toBe(0);
    const events = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as RunEvent);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(Object.keys(events[0]!).slice(0, 4)).toEqual(['type', 'runId', 'seq', 'at']);
    expect(events[0]!.type).toBe('run.started');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
    const logs = events.filter((e) => e.type === 'node.log');
    expect(logs.map((e) => (e.type === 'node.log' ? `${e.stream}:${e.text}` : '')).sort()).toEqual(['stderr:oops', 'stdout:line 1', 'stdout:line 2', 'stdout:line 3']);
  });

  it('runs a stored pipeline by name and records its revision', () => {
    const home = tempDir();
    expect(runCli(['import', fixturePath('pipelines/hello.pipeline.json')], { home }).status).toBe(0);
    const run = runCli(['run', 'hello'], { home });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^read {2}│ hello$/m);
    const [listed] = JSON.parse(runCli(['runs', '--pipeline', 'hello', '--json'], { home }).stdout) as { pipelineRevision: number }[];
    expect(listed!.pipelineRevision).toBe(1);
  });
});

describe('pipewright run interrupted by Ctrl+C', () => {
  it('cancels the run on SIGINT: every node process group is killed, the run is stored as canceled, exit 1', async () => {
    const home = tempDir();
    const file = writePipeline(tempDir(), [node('wait', 'echo begun; sleep 60 & sleep 60; wait')]);
    const child = spawn(process.execPath, [CLI, 'run', file, '--json'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const runId = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.includes('"text":"begun"'));
        if (line) resolve((JSON.parse(line) as { runId: string }).runId);
      });
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('"type":"run.finished"');
    expect(processesOfRun(runId)).toEqual([]);
    const [run] = JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { status: string }[];
    expect(run!.status).toBe('canceled');
  });
});

describe('pipewright run into a pipe', () => {
  const chatty = node('talk', 'i=0; while [ $i -lt 50000 ]; do echo "ligne $i"; i=$((i+1)); done');
  const start = (args: string[], home: string) =>
    spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = (child: ReturnType<typeof start>) => new Promise<number | null>((resolve) => child.once('exit', resolve));

  it('a reader slower than the node still gets every line, in order (the printer waits for the pipe)', async () => {
    const child = start(['run', writePipeline(tempDir(), [chatty]), '--no-cache'], tempDir());
    const closed = new Promise((r) => child.stdout.once('close', r));
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1000));
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stdout.resume();
    expect(await exited(child)).toBe(0);
    await closed;
    expect(out.split('\n').filter((l) => l.startsWith('talk │ ligne'))).toEqual(Array.from({ length: 50000 }, (_, i) => `talk │ ligne ${i}`));
  });

  it('a reader that goes away (| head) ends the printing, not the run: it finishes and is stored as succeeded', async () => {
    const home = tempDir();
    const child = start(['run', writePipeline(tempDir(), [chatty]), '--no-cache'], home);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.includes('ligne') && resolve()));
    child.stdout.destroy();
    expect(await exited(child)).toBe(0);
    expect(stderr).toBe('');
    const [run] = JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { status: string }[];
    expect(run!.status).toBe('succeeded');
  });

  it('other commands end quietly when their reader has gone', async () => {
    const child = start(['nodes', '--markdown'], tempDir());
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    expect(await exited(child)).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('pipewright run into a pipe nobody reads', () => {
  it('still hears Ctrl+C: a stalled reader does not block the CLI for more than a moment', async () => {
    const file = writePipeline(tempDir(), [node('talk', 'i=0; while [ $i -lt 50000 ]; do echo "ligne $i"; i=$((i+1)); done; sleep 30')]);
    const child = spawn(process.execPath, [CLI, 'run', file, '--no-cache'], { env: { ...process.env, PIPEWRIGHT_HOME: tempDir() }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // The node has printed far more than a pipe holds by now; the printer has been waiting on the stalled reader.
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGINT');
    await expect.poll(() => stderr, { timeout: 3000 }).toContain('canceling the run');
    child.stdout.resume();
    expect(await exited).toBe(1);
  });
});
