// Crash recovery: SIGKILL a real `pipewright run` mid-run; the next start marks the run interrupted, its running node
// canceled, and kills the node processes the dead run left behind — also while the killed process is a zombie whose
// parent has not collected it, and in an app that was already open (its run list recovers).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli';
import { slowPipelineFile, sweptPipelineFile } from '../support/pipeline-files';
import { tempDir } from '../support/temp-home';
import { connect } from '../support/transports';
import { processesOfRun } from '../engine/runner/run-helpers';

/** `pipewright runs --json` finds the run interrupted and has killed what it left running. */
async function expectRecovered(home: string, runId: string): Promise<void> {
  const runs = runCli(['runs', '--json'], { home });
  expect(runs.status).toBe(0);
  const [run] = JSON.parse(runs.stdout) as { id: string; status: string; error: string; counts: Record<string, number> }[];
  expect(run).toMatchObject({ id: runId, status: 'interrupted', counts: { canceled: 2 } });
  expect(run!.error).toMatch(/^interrupted: Pipewright stopped/);
  await new Promise((r) => setTimeout(r, 100));
  expect(processesOfRun(runId)).toEqual([]);
}

/**
 * Starts `pipewright run --json` of the slow pipeline; resolves once its first node runs and the store had a batch
 * interval to commit "running".
 */
async function startSlowRun(home: string): Promise<{ child: ChildProcessWithoutNullStreams; runId: string; output(): string }> {
  const child = spawn(process.execPath, [CLI, 'run', slowPipelineFile(), '--json'], { env: { ...process.env, PIPEWRIGHT_HOME: home } });
  let out = '';
  const runId = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const started = out.split('\n').find((line) => line.includes('"text":"begun"'));
      if (started) resolve((JSON.parse(started) as { runId: string }).runId);
    });
    child.on('exit', () => reject(new Error(`pipewright run exited early: ${out}`)));
  });
  await new Promise((r) => setTimeout(r, 300));
  return { child, runId, output: () => out };
}

/** Starts `pipewright run` of the slow pipeline and kills it without warning once its first node runs. */
async function runThenKill(home: string): Promise<string> {
  const { child, runId } = await startSlowRun(home);
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return runId;
}

describe('crash recovery', () => {
  it('marks a run whose pipewright process was killed as interrupted at the next start, and kills its leftovers', async () => {
    const home = tempDir();
    const runId = await runThenKill(home);
    expect(processesOfRun(runId).length).toBeGreaterThan(0);
    await expectRecovered(home, runId);
  });

  it('several processes recovering the same run at once mark it once', async () => {
    const home = tempDir();
    const runId = await runThenKill(home);
    const runsCli = () =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, 'runs'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' }).once('exit', resolve));
    // Each would write the same events (same seqs) without the check under the lock: all but one failed.
    expect(await Promise.all(Array.from({ length: 5 }, runsCli))).toEqual([0, 0, 0, 0, 0]);
    const runs = JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { id: string; status: string; counts: Record<string, number> }[];
    expect(runs).toEqual([expect.objectContaining({ id: runId, status: 'interrupted', counts: { canceled: 2 } })]);
  });

  it('an app already open sees a CLI run killed meanwhile as interrupted when it lists or opens runs', async () => {
    // Before: recovery ran only when a process started, so the open app showed the run "running" until restarted.
    const home = tempDir();
    const app = await connect('in-memory', home);
    try {
      const runId = await runThenKill(home);
      const [listed] = await app.api.invoke('run.list', { limit: 10 });
      expect(listed).toMatchObject({ id: runId, status: 'interrupted' });
      expect((await app.api.invoke('run.get', { runId })).nodes.map((n) => n.status)).toEqual(['canceled', 'canceled']);
      await new Promise((r) => setTimeout(r, 100));
      expect(processesOfRun(runId)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('an app already open sees a CLI sweep killed meanwhile as interrupted, with its running run', async () => {
    const home = tempDir();
    const file = sweptPipelineFile('echo begun {{params.x}}; sleep 60');
    const app = await connect('in-memory', home);
    const child = spawn(process.execPath, [CLI, 'run', file, '--sweep', 'x=1,2', '--sweep-parallel', '1'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: 'ignore' });
    try {
      // Wait until the sweep's first run has its node going (the CLI commits "running" within a batch interval).
      let runId: string | undefined;
      for (let tries = 0; !runId && tries < 100; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        const [run] = await app.api.invoke('run.list', { limit: 1 });
        if (run?.status === 'running' && processesOfRun(run.id).length > 0) runId = run.id;
      }
      expect(runId).toBeDefined();
      const [running] = await app.api.invoke('sweep.list', { limit: 1 });
      expect(running).toMatchObject({ status: 'running' });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const [sweep] = await app.api.invoke('sweep.list', { limit: 1 });
      expect(sweep).toMatchObject({ id: running!.id, status: 'interrupted' });
      expect((await app.api.invoke('run.get', { runId: runId! })).status).toBe('interrupted');
      // Killed right after its node started, before the store committed that node's pid: its processes are found
      // by their PIPEWRIGHT_RUN_ID all the same (before: left running).
      await new Promise((r) => setTimeout(r, 100));
      expect(processesOfRun(runId!)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await app.close();
    }
  });

  it('Cancel in an open app stops a `pipewright run` going in a terminal, as Ctrl+C there would', async () => {
    // Before: "run by another Pipewright process; cancel it there".
    const home = tempDir();
    const app = await connect('in-memory', home);
    try {
      const { child, runId, output } = await startSlowRun(home);
      const exited = new Promise<number | null>((r) => child.once('exit', r));
      expect(await app.api.invoke('run.cancel', { runId })).toEqual({ canceled: true });
      expect(await exited).toBe(1);
      expect(output()).toContain('"type":"run.finished"');
      expect((await app.api.invoke('run.get', { runId })).status).toBe('canceled');
      expect(processesOfRun(runId)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('also when the killed process is still a zombie (its parent never collected it)', async () => {
    // Before: kill(pid, 0) succeeds on a zombie, so its run looked owned by a live process — "running" for as long as
    // the parent lived, its node processes left running.
    const home = tempDir();
    const parent = spawn(
      'python3',
      [
        '-c',
        [
          'import json, os, signal, subprocess, sys, time',
          'p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)',
          'run = next(json.loads(line)["runId"] for line in p.stdout if b\'"text":"begun"\' in line)',
          'time.sleep(0.3)',
          'os.kill(p.pid, signal.SIGKILL)',
          'print(run, p.pid, flush=True)',
          'time.sleep(60)',
        ].join('\n'),
        process.execPath,
        CLI,
        'run',
        slowPipelineFile(),
        '--json',
      ],
      { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let said = '';
      const [runId, pid] = await new Promise<string[]>((resolve) =>
        parent.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()).includes('\n') && resolve(said.trim().split(' '))),
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/^\d+ \(.*\) Z /);
      await expectRecovered(home, runId!);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
