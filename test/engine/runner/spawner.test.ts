// The spawner helpers with real processes: node processes start from the helper once it listens, its death fails only
// the nodes it had started (their processes killed) and later nodes still run, a launch it cannot start fails alone,
// a helper that cannot start gives way to the next one, and when none can, the engine starts processes itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpawnerClient } from '../../../engine/runner/spawner/spawner-client';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import { tempDir } from '../../support/temp-home';
import { CollectSink, harness, nodeScript, pipeline, processesOfRun, shell, spawnerCommand, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => h?.close());

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/** Polls until `check` returns a value. */
async function until<T>(check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}

describe.runIf(process.platform === 'linux').each([
  ['node-spawner', 'spawner.js'],
  ['python-spawner', 'pipewright-spawner'],
] as const)('spawner helper (%s)', (launch, marker) => {
  it('starts node processes from the helper once it listens, not from the engine', async () => {
    h = harness({ launch });
    const { sink, status } = await h.run(pipeline([shell('parent', 'echo $PPID')]));
    expect(status).toBe('succeeded');
    const parent = Number(sink.of('node.log')[0]!.text);
    expect(parent).not.toBe(process.pid);
    expect(commandLine(parent).some((arg) => arg.endsWith(marker))).toBe(true);
  });

  it('when the helper dies, fails the nodes it started, kills their processes, and later nodes still run', async () => {
    h = harness({ launch, killGraceMs: 200 });
    await h.ready();
    const sink = new CollectSink();
    const doc = pipeline([shell('victim', `echo $PPID; ${nodeScript('setInterval(() => {}, 1000)')} & sleep 30`)]);
    const run = h.service.start({ pipeline: doc, baseDir: h.work, params: {}, options: runOptionsSchema.parse({}), trigger: 'api', sinks: [sink] });
    const helper = await until(() => sink.of('node.log').map((e) => Number(e.text)).find((pid) => pid > 0));
    await until(() => (processesOfRun(run.id).length >= 3 ? true : undefined));
    process.kill(helper, 'SIGKILL');
    const finished = await run.done;
    expect(finished.status).toBe('failed');
    expect(sink.finished('victim').error).toMatch(/^the process that starts node processes stopped unexpectedly.*; its processes were killed$/);
    await new Promise((r) => setTimeout(r, 100));
    expect(processesOfRun(run.id)).toEqual([]);
    const next = await h.run(pipeline([shell('after', 'echo fine')]));
    expect(next.status).toBe('succeeded');
    expect(next.sink.of('node.log').map((e) => e.text)).toEqual(['fine']);
  });
});

describe.runIf(process.platform === 'linux').each(['node-spawner', 'python-spawner'] as const)('spawner helper (%s) given a launch it cannot start', (mode) => {
  let client: SpawnerClient | undefined;
  afterEach(() => client?.close());

  it('answers it with an error and goes on starting the next', async () => {
    client = new SpawnerClient([spawnerCommand(mode)]);
    expect(await client.whenReady()).toBe(true);
    const dir = tempDir('pipewright-spawner-');
    const launch = (name: string, env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve) => {
        const request = { file: '/bin/sh', args: ['-c', 'echo started'], baseEnv: {}, env, cwd: dir, stdoutFile: join(dir, `${name}.out`), stderrFile: join(dir, `${name}.err`) };
        client!.launch(request, { onPid: () => undefined, onExit: (code) => resolve(`exit ${code}`), onError: (message, kind) => resolve(`${kind}: ${message}`) });
      });
    // The engine refuses such a launch before it gets here (node-command.ts); the helper must not die of one anyway.
    expect(await launch('bad', { SPLIT: 'a\0b' })).toMatch(/^spawn: .*null byte/);
    expect(await launch('good', {})).toBe('exit 0');
    expect(readFileSync(join(dir, 'good.out'), 'utf8')).toBe('started\n');
  });
});

describe.runIf(process.platform === 'linux')('spawner helpers that cannot start', () => {
  const missing = { file: '/nonexistent/python3', args: [], env: {}, startAfterLaunches: 1 };
  const exitsAtOnce = { file: '/bin/sh', args: ['-c', 'echo "python3: too old" >&2; exit 1'], env: {}, startAfterLaunches: 1 };

  it('gives way to the next helper when one is missing or exits before it listens', async () => {
    h = harness({ spawners: [missing, exitsAtOnce, spawnerCommand('node-spawner')] });
    expect(await h.ready()).toBe(true);
    const { sink, status } = await h.run(pipeline([shell('a', 'echo $PPID')]));
    expect(status).toBe('succeeded');
    expect(commandLine(Number(sink.of('node.log')[0]!.text)).some((arg) => arg.endsWith('spawner.js'))).toBe(true);
  });

  it('a Python older than 3.8 (no posix_spawn setsid) exits before it listens, and the Node helper takes over', async () => {
    const python = spawnerCommand('python-spawner');
    const source = python.args[python.args.indexOf('-c') + 1]!;
    // This machine's Python, told it is RHEL 8's 3.6 (a JSON string is a valid Python string literal).
    const oldPython = { ...python, args: ['-I', '-S', '-c', `import sys\nsys.version_info = (3, 6, 8)\nexec(compile(${JSON.stringify(source)}, "spawner", "exec"))`] };
    h = harness({ spawners: [oldPython, spawnerCommand('node-spawner')] });
    expect(await h.ready()).toBe(true);
    const { sink, status } = await h.run(pipeline([shell('a', 'echo $PPID')]));
    expect(status).toBe('succeeded');
    expect(commandLine(Number(sink.of('node.log')[0]!.text)).some((arg) => arg.endsWith('spawner.js'))).toBe(true);
  });

  it('starts processes itself when no helper can start', async () => {
    h = harness({ spawners: [missing, exitsAtOnce] });
    expect(await h.ready()).toBe(false);
    const { sink, status } = await h.run(pipeline([shell('a', 'echo $PPID'), shell('b', 'echo b')]));
    expect(status).toBe('succeeded');
    expect(Number(sink.of('node.log').find((e) => e.nodeId === 'a')!.text)).toBe(process.pid);
  });
});
