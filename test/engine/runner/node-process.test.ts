// Node processes: cancel and timeout kill the whole process group (nothing survives, not even what a node moved out
// of its group, which the run's end stops too), retries, spawn failures,
// built-in nodes through the configured run-node command, plain commands without a shell, telemetry, an attempt
// whose launch throws, and a cancel that does not wait for the engine's own hashing of large data.
import { chmodSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { defineNodeType } from '../../../shared/nodes/node-type';
import { getNodeType } from '../../../shared/nodes/index';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import { NodeLogTail } from '../../../engine/runner/log-tail';
import { startAttempt } from '../../../engine/runner/node-process';
import type { ProcessLauncher } from '../../../engine/runner/process-launcher';
import { tempDir } from '../../support/temp-home';
import { CollectSink, edge, harness, nodeScript, pipeline, processesOfRun, shell, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

/**
 * Shell: starts `sleep 30` in a session of its own (`setsid`, after `prefix`), its pid in $s, and waits until it runs
 * there — until then it is still in the node's group, which the node's exit would stop.
 */
const sessionSleep = (prefix = '') => `${prefix}setsid sleep 30 & s=$!; until [ "$(cat /proc/$s/comm 2>/dev/null)" = sleep ]; do sleep 0.01; done`;

/** Resolves once the run has started `count` node processes. */
async function untilStarted(h: Harness, runId: string, count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    h.service.flush(runId);
    if (h.service.runs.get(runId).nodes.filter((n) => n.pid !== null).length >= count) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('nodes did not start');
}

/** Resolves once `nodeId` has printed a line to stdout. */
async function untilLogged(h: Harness, runId: string, nodeId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    h.service.flush(runId);
    if (h.service.logs.total(runId, nodeId, 'stdout') > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${nodeId} printed nothing`);
}

describe.each(['direct', 'node-spawner', 'python-spawner'] as const)('node processes (started %s)', (launch) => {
  it('cancel kills every process of every running node, even children that ignore SIGTERM', async () => {
    h = harness({ launch, killGraceMs: 300 });
    const stubborn = nodeScript('process.on("SIGTERM", () => {}); setInterval(() => {}, 1000); console.log("ready")');
    const doc = pipeline(
      [shell('tree', 'sleep 30 & sleep 30 & wait'), shell('stubborn', `${stubborn} & wait`), shell('later', 'echo never')],
      [edge('tree', 'later')],
    );
    await h.ready();
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: { scope: { mode: 'all', nodeIds: [] }, concurrency: 2, noCache: false, force: [], failFast: false }, trigger: 'api' });
    await untilStarted(h, run.id, 2);
    // Under load Node takes a while to start: cancel only once the stubborn child ignores SIGTERM.
    await untilLogged(h, run.id, 'stubborn');
    expect(processesOfRun(run.id).length).toBeGreaterThanOrEqual(4);
    const started = Date.now();
    run.cancel();
    const finished = await run.done;
    expect(finished.status).toBe('canceled');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(processesOfRun(run.id)).toEqual([]);
    const nodes = Object.fromEntries(h.service.runs.get(run.id).nodes.map((n) => [n.nodeId, n]));
    expect(nodes['tree']).toMatchObject({ status: 'canceled', error: 'canceled' });
    expect(nodes['stubborn']!.status).toBe('canceled');
    expect(nodes['later']).toMatchObject({ status: 'canceled', error: 'upstream node tree was canceled' });
  });

  it('a node that leaves a background process behind has it killed when the node exits', async () => {
    h = harness({ launch, killGraceMs: 200 });
    const { id, status } = await h.run(pipeline([shell('daemon', 'sleep 30 > /dev/null 2>&1 & echo started')]));
    expect(status).toBe('succeeded');
    await new Promise((r) => setTimeout(r, 100));
    expect(processesOfRun(id)).toEqual([]);
  });

  it('cancel stops what a node started outside its process group too (setsid, a new session), and names it', async () => {
    // Before: both sleeps outlived the canceled run (group signals do not reach another session).
    h = harness({ launch, killGraceMs: 300 });
    const escape = `${sessionSleep()}; python3 -c 'import subprocess; subprocess.Popen(["sleep", "30"], start_new_session=True)'`;
    await h.ready();
    const doc = pipeline([shell('escaper', `${escape}; echo ready; sleep 30`)]);
    const sink = new CollectSink();
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api', sinks: [sink] });
    await untilLogged(h, run.id, 'escaper');
    expect(processesOfRun(run.id).length).toBeGreaterThanOrEqual(3);
    run.cancel();
    expect((await run.done).status).toBe('canceled');
    expect(processesOfRun(run.id)).toEqual([]);
    const system = sink.of('node.log').filter((e) => e.stream === 'system');
    expect(system.map((e) => e.text)).toEqual([expect.stringMatching(/^stopped 2 processes the node started outside its process group \(setsid, a daemon\): sleep \(pid \d+\), sleep \(pid \d+\)$/)]);
    expect(system[0]!.seq).toBeLessThan(sink.finished('escaper').seq);
  });

  it('a process a node started outside its group lives until the run ends, unless started without the run marker', async () => {
    h = harness({ launch, killGraceMs: 300 });
    const stray = join(h.work, 'stray.pid');
    const kept = join(h.work, 'kept.pid');
    const doc = pipeline(
      [
        shell('starter', `${sessionSleep()}; echo $s > ${stray}; ${sessionSleep('env -u PIPEWRIGHT_RUN_ID ')}; echo $s > ${kept}`),
        shell('later', `sleep 0.2; kill -0 $(cat ${stray}) && echo "still there"`),
      ],
      [edge('starter', 'later')],
    );
    const { id, sink, status } = await h.run(doc);
    const keptPid = Number(readFileSync(kept, 'utf8'));
    try {
      expect(status).toBe('succeeded');
      expect(sink.of('node.log').find((e) => e.nodeId === 'later')?.text).toBe('still there');
      expect(processesOfRun(id)).toEqual([]);
      expect(sink.of('node.log').filter((e) => e.stream === 'system').map((e) => [e.nodeId, e.text])).toEqual([
        ['starter', `stopped 1 process the node started outside its process group (setsid, a daemon): sleep (pid ${readFileSync(stray, 'utf8').trim()})`],
      ]);
      expect(sink.events.at(-1)!.type).toBe('run.finished');
      expect(() => process.kill(keptPid, 0)).not.toThrow();
    } finally {
      process.kill(keptPid, 'SIGKILL');
    }
  });

  it('closing the engine kills at once what a node started outside its group', async () => {
    h = harness({ launch, killGraceMs: 5000 });
    await h.ready();
    const doc = pipeline([shell('escaper', `${sessionSleep()}; echo ready; sleep 30`)]);
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api' });
    await untilLogged(h, run.id, 'escaper');
    h.service.shutdown();
    expect((await run.done).status).toBe('canceled');
    for (let i = 0; i < 40 && processesOfRun(run.id).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(processesOfRun(run.id)).toEqual([]);
  });

  it('kills a node at its timeout and reports it as failed', async () => {
    h = harness({ launch, killGraceMs: 200 });
    const { sink, id } = await h.run(pipeline([shell('slow', 'sleep 30', { settings: { timeoutSeconds: 0.4 } })]));
    expect(sink.finished('slow')).toMatchObject({ status: 'failed', error: 'timed out after 0.4 s; its processes were killed' });
    expect(sink.finished('slow').durationMs).toBeLessThan(5000);
    expect(processesOfRun(id)).toEqual([]);
  });

  it('retries a failed node and succeeds on a later attempt', async () => {
    h = harness({ launch });
    const counter = join(h.work, 'attempts');
    writeFileSync(counter, '');
    const command = `echo x >> ${counter}; test $(wc -l < ${counter}) -ge 3 || { echo "not yet" >&2; exit 1; }`;
    const { sink } = await h.run(pipeline([shell('flaky', command, { settings: { retries: 3 } })]));
    expect(sink.finished('flaky')).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(sink.of('node.started').map((e) => e.attempt)).toEqual([1, 2, 3]);
    const system = sink.of('node.log').filter((e) => e.stream === 'system').map((e) => e.text);
    expect(system).toEqual([
      'attempt 1 failed (exited with code 1: not yet); retrying (attempt 2 of 4)',
      'attempt 2 failed (exited with code 1: not yet); retrying (attempt 3 of 4)',
    ]);
    const exhausted = await h.run(pipeline([shell('never', 'exit 2', { settings: { retries: 1 } })]));
    expect(exhausted.sink.finished('never')).toMatchObject({ status: 'failed', attempts: 2, exitCode: 2 });
  });

  it('fails a node whose command exits 0 without writing a declared output', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('lazy', 'true', { outputs: [{ id: 'model', type: 'model' }] })]));
    expect(sink.finished('lazy').status).toBe('failed');
    expect(sink.finished('lazy').error).toMatch(/^exited 0 but did not write its output "model" \(.*lazy\/model\)$/);
  });

  it('starts built-in nodes with the configured run-node command and the node-contract environment', async () => {
    const probe = defineNodeType({
      id: 'test.probe',
      version: 1,
      category: 'utility',
      title: 'Probe',
      description: 'prints its argv and contract variables',
      icon: 'terminal',
      inputs: [],
      outputs: [{ id: 'report', type: 'report', label: 'Report' }],
      runtime: 'builtin',
      params: () => z.object({ level: z.number().default(1) }),
      example: { params: {} },
    });
    const script = [
      'const fs = require("fs");',
      'const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("PIPEWRIGHT_")));',
      'console.log(JSON.stringify({ argv: process.argv.slice(1), env }));',
      'fs.writeFileSync(process.env.PIPEWRIGHT_OUTPUT_REPORT, "ok");',
      'fs.writeFileSync(process.env.PIPEWRIGHT_METRICS, JSON.stringify({ accuracy: 0.97, bad: "x" }));',
    ].join(' ');
    h = harness({ launch, nodeCommand: [process.execPath, '-e', script], lookup: (id) => (id === 'test.probe' ? probe : getNodeType(id)) });
    const doc = pipeline([{ id: 'probe', type: 'test.probe', params: { level: 3 }, position: { x: 0, y: 0 } }], [], 'contract');
    const { sink, id, status } = await h.run(doc);
    expect(status).toBe('succeeded');
    const printed = JSON.parse(sink.of('node.log').find((e) => e.stream === 'stdout')!.text) as { argv: string[]; env: Record<string, string> };
    expect(printed.argv).toEqual(['run-node', 'test.probe']);
    expect(printed.env).toMatchObject({
      PIPEWRIGHT_PARAMS: '{"level":3}',
      PIPEWRIGHT_RUN_ID: id,
      PIPEWRIGHT_NODE_ID: 'probe',
      PIPEWRIGHT_PIPELINE: 'contract',
      PIPEWRIGHT_BASE_DIR: h.work,
    });
    expect(readFileSync(printed.env['PIPEWRIGHT_OUTPUT_REPORT']!, 'utf8')).toBe('ok');
    expect(sink.of('node.metric').map((e) => [e.name, e.value])).toEqual([['accuracy', 0.97]]);
    expect(sink.of('node.log').find((e) => e.stream === 'system')!.text).toBe('metric "bad" is not a finite number ("x"); skipped');
    expect(h.service.runs.get(id).nodes[0]!.metrics).toEqual({ accuracy: 0.97 });
  });

  it('reports a node whose command cannot start, with the reason', async () => {
    h = harness({ launch, nodeCommand: ['/nonexistent/pipewright'], lookup: (id) => (id === 'test.builtin' ? { ...getNodeType('script.shell')!, id, runtime: 'builtin' } : getNodeType(id)) });
    const { sink } = await h.run(pipeline([{ id: 'b', type: 'test.builtin', params: { command: 'x' }, position: { x: 0, y: 0 } }]));
    expect(sink.finished('b')).toMatchObject({ status: 'failed', error: "could not start the node's process: /nonexistent/pipewright not found (is it installed, and on PATH?) [ENOENT]" });
  });

  it('starts a node process in the pipeline folder, reading nothing, with no standard signal ignored', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('where', 'pwd && grep SigIgn /proc/self/status && cat')]));
    expect(sink.finished('where').status).toBe('succeeded');
    const [folder, ignored] = sink.of('node.log').map((e) => e.text);
    expect(folder).toBe(h.work);
    // Signals 1–31 (SIGPIPE and SIGXFSZ are ignored by Python and Node themselves). glibc's posix_spawn leaves its two
    // internal signals (32, 33) ignored; glibc installs their handlers again in every program it starts.
    expect(BigInt(`0x${ignored!.replace('SigIgn:\t', '')}`) & 0x7fffffffn).toBe(0n);
  });

  it('runs a plain command without a shell, and a command with shell syntax under /bin/sh', async () => {
    h = harness({ launch });
    const parentName = join(h.work, 'parent-name.js');
    writeFileSync(parentName, 'console.log(require("fs").readFileSync(`/proc/${process.ppid}/comm`, "utf8").trim())');
    const { sink } = await h.run(pipeline([shell('plain', `${process.execPath}  ${parentName}`), shell('shell', `${process.execPath} ${parentName} && true`)]));
    const parentOf = (nodeId: string) => sink.of('node.log').find((e) => e.nodeId === nodeId)!.text;
    expect(parentOf('plain')).not.toBe('sh');
    expect(parentOf('shell')).toBe('sh');
  });

  it('runs an executable without "#!" with /bin/sh, and says which program is missing or not executable', async () => {
    h = harness({ launch });
    writeFileSync(join(h.work, 'no-shebang'), 'echo "from a script: $1"\n');
    chmodSync(join(h.work, 'no-shebang'), 0o755);
    writeFileSync(join(h.work, 'not-executable'), 'echo never\n');
    const { sink } = await h.run(
      pipeline([
        shell('script', './no-shebang one'),
        shell('path', 'no-shebang two', { env: { PATH: h.work } }),
        shell('missing', 'pipewright-no-such-program --flag'),
        shell('denied', './not-executable'),
      ]),
    );
    expect(sink.of('node.log').filter((e) => e.stream === 'stdout').map((e) => e.text).sort()).toEqual(['from a script: one', 'from a script: two']);
    expect(sink.finished('missing')).toMatchObject({
      status: 'failed',
      error: "could not start the node's process: pipewright-no-such-program not found (is it installed, and on PATH?) [ENOENT]",
    });
    expect(sink.finished('denied')).toMatchObject({ status: 'failed', error: "could not start the node's process: ./not-executable not allowed to run (is it executable?) [EACCES]" });
  });

  it('fails a node whose command or environment holds a NUL character, saying where, and the run goes on', async () => {
    h = harness({ launch });
    const doc = pipeline([shell('first', 'true'), shell('env', 'true', { env: { SPLIT: 'a\0b' } }), shell('command', 'true\0x'), shell('after', 'echo fine')], [
      edge('first', 'env'),
    ]);
    const { sink, status } = await h.run(doc);
    expect(status).toBe('failed');
    expect(sink.finished('env')).toMatchObject({ status: 'failed', error: 'environment variable SPLIT contains a NUL character (\\0): no process can be given one' });
    expect(sink.finished('command')).toMatchObject({ status: 'failed', error: 'the command contains a NUL character (\\0): no process can be given one' });
    expect(sink.finished('after').status).toBe('succeeded');
  });

  it('lets a node with a timeout of a month run (beyond the ~24.8 days setTimeout can wait)', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('patient', 'sleep 0.3; echo done', { settings: { timeoutSeconds: 30 * 24 * 3600 } })]));
    expect(sink.finished('patient').status).toBe('succeeded');
    expect(sink.of('node.log').map((e) => e.text)).toEqual(['done']);
  });

  it('says so when a command is larger than the system lets a process start with', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('huge', `echo ${'x'.repeat(3_000_000)}`)]));
    expect(sink.finished('huge')).toMatchObject({
      status: 'failed',
      error: "could not start the node's process: its command and environment are larger than the system lets a process start with [E2BIG]; pass large data in a file",
    });
  });

  it('says so when the pipeline folder is gone by the time a node starts', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('remove', `rm -r ${h.work}`), shell('after', 'true')], [edge('remove', 'after')]));
    expect(sink.finished('remove').status).toBe('succeeded');
    expect(sink.finished('after')).toMatchObject({ status: 'failed', error: `could not start the node's process: its working folder ${h.work} no longer exists [ENOENT]` });
  });

  it('samples peak memory and CPU time of the whole process tree', async () => {
    h = harness({ launch });
    const burn = nodeScript('const keep = Buffer.alloc(64 * 1024 * 1024, 1); const cpuMs = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; }; while (cpuMs() < 900) {} console.log(keep.length)');
    const { sink, id } = await h.run(pipeline([shell('busy', `${burn} & wait`)]));
    const finished = sink.finished('busy');
    expect(finished.peakRssBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(finished.cpuMs).toBeGreaterThan(300);
    const stored = h.service.runs.get(id).nodes[0]!;
    expect(stored.peakRssBytes).toBe(finished.peakRssBytes);
    expect(stored.cpuMs).toBe(finished.cpuMs);
    expect(existsSync(join(h.home, 'artifacts', id, '_metrics'))).toBe(true);
  });

  it('has figures for a node that ends well within one sampling interval (250 ms)', async () => {
    h = harness({ launch });
    const { sink } = await h.run(pipeline([shell('quick', 'sleep 0.12')]));
    expect(sink.finished('quick').peakRssBytes).toBeGreaterThan(0);
  });
});

describe('an attempt whose launch throws', () => {
  it('fails as a process that could not start, and leaves no timer behind', async () => {
    const dir = tempDir('pipewright-attempt-');
    const files = { stdout: { path: join(dir, 'out.log'), name: 'out.log' }, stderr: { path: join(dir, 'err.log'), name: 'err.log' } };
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    // What Node's spawn does with an argument it refuses: it throws before any process exists.
    const refusing: ProcessLauncher = {
      launch: () => {
        throw new TypeError("The property 'options.env['X']' must be a string without null bytes");
      },
      warmUp: () => Promise.resolve(false),
      close: () => undefined,
    };
    const request = { file: '/bin/true', args: [], baseEnv: {}, env: { X: 'a\0b' }, cwd: dir, stdoutFile: files.stdout.path, stderrFile: files.stderr.path };
    const attempt = startAttempt(refusing, request, new NodeLogTail(files), { killGraceMs: 100, timeoutMs: 60_000 }, { onStart: () => undefined, onLines: () => undefined, onLineInProgress: () => undefined, onLogError: () => undefined });
    expect(await attempt.done).toEqual({ exitCode: null, signal: null, failure: { kind: 'spawn', message: "The property 'options.env['X']' must be a string without null bytes" } });
    expect(timers()).toBe(before);
  });
});

describe("cancel during the engine's own work for a node", () => {
  it('does not wait for a large output to be hashed into the cache: the node ends canceled, nothing of it cached', async () => {
    // Before: Cancel waited until the output was hashed and stored, and the node ended succeeded.
    h = harness({ killGraceMs: 200 });
    // A sparse file: 300 MB to hash, nothing to write.
    const doc = pipeline([shell('big', 'truncate -s 300M {{outputs.out}}; echo written', { outputs: [{ id: 'out', type: 'dataset' }] })]);
    const sink = new CollectSink();
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api', sinks: [sink] });
    for (let i = 0; i < 1000 && !sink.of('node.log').some((e) => e.text === 'written'); i++) await new Promise((r) => setTimeout(r, 5));
    run.cancel();
    expect((await run.done).status).toBe('canceled');
    expect(sink.finished('big').status).toBe('canceled');
    expect(h.service.runs.artifacts(run.id)).toEqual([]);
    expect(existsSync(join(h.home, 'cache', 'objects'))).toBe(false);
  });

  it('does not wait for a large file the node reads to be hashed for its cache key', async () => {
    h = harness({ killGraceMs: 200 });
    const big = join(h.work, 'big.bin');
    writeFileSync(big, '');
    truncateSync(big, 300_000_000);
    const doc = pipeline([shell('reader', 'wc -c big.bin', { settings: { watchFiles: ['big.bin'] } })]);
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api' });
    run.cancel();
    expect((await run.done).status).toBe('canceled');
    // Stopped mid-way: the file's hash was never finished, so it was not remembered.
    const { size, mtimeMs } = statSync(big);
    expect(h.service.cache.fileHash(big, size, mtimeMs)).toBeUndefined();
  });
});
