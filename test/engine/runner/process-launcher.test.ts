// Launches parked behind another launch, with real processes, from the engine and from the spawner helper: they start
// the moment the other process ends (from the helper even while the engine is busy), and can be taken back.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeProcessLauncher, type LaunchTicket } from '../../../engine/runner/process-launcher';
import { signalGroup } from '../../../engine/runner/process-group';
import { SpawnerClient } from '../../../engine/runner/spawner/spawner-client';
import { tempDir } from '../../support/temp-home';
import { spawnerCommand } from './run-helpers';

type Ending = { exit: number | null } | { error: string };

interface Launched {
  ticket: LaunchTicket;
  ended: Promise<Ending>;
  pid(): number | undefined;
  /** What the process wrote to stdout ('' when it never started). */
  output(): string;
}

let launcher: NodeProcessLauncher | undefined;
afterEach(() => launcher?.close());

async function makeLauncher(route: 'direct' | 'helper'): Promise<NodeProcessLauncher> {
  launcher = new NodeProcessLauncher(route === 'helper' ? new SpawnerClient(spawnerCommand) : undefined);
  expect(await launcher.warmUp()).toBe(route === 'helper');
  return launcher;
}

function launchShell(launcher: NodeProcessLauncher, dir: string, name: string, command: string, options: { after?: LaunchTicket; cwd?: string } = {}): Launched {
  const stdoutFile = join(dir, `${name}.out`);
  let pid: number | undefined;
  let ticket!: LaunchTicket;
  const ended = new Promise<Ending>((resolve) => {
    const request = { file: '/bin/sh', args: ['-c', command], baseEnv: process.env, env: {}, cwd: options.cwd ?? dir, stdoutFile, stderrFile: join(dir, `${name}.err`) };
    ticket = launcher.launch(request, { onPid: (started) => (pid = started), onExit: (exit) => resolve({ exit }), onError: (_message, kind) => resolve({ error: kind }) }, options.after);
  });
  return { ticket, ended, pid: () => pid, output: () => (existsSync(stdoutFile) ? readFileSync(stdoutFile, 'utf8') : '') };
}

/** Blocks this process's event loop (the engine is busy) for `ms`; returns when it ended (Date.now()). */
function busyFor(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
  return Date.now();
}

describe.runIf(process.platform === 'linux').each(['direct', 'helper'] as const)('parked launches (started %s)', (route) => {
  it('start the moment the process ahead of them ends, and not before', async () => {
    const dir = tempDir('pipewright-launcher-');
    const l = await makeLauncher(route);
    const before = Date.now();
    const first = launchShell(l, dir, 'first', 'sleep 0.3');
    const next = launchShell(l, dir, 'next', 'date +%s%3N', { after: first.ticket });
    // From the helper the next process starts while the engine cannot react; from the engine, once it can.
    const busyUntil = route === 'helper' ? busyFor(1500) : Date.now();
    expect(await first.ended).toEqual({ exit: 0 });
    expect(await next.ended).toEqual({ exit: 0 });
    const nextStarted = Number(next.output().trim());
    expect(nextStarted).toBeGreaterThanOrEqual(before + 300);
    if (route === 'helper') expect(nextStarted).toBeLessThan(busyUntil);
  });

  it('can be taken back while they wait, and then never start', async () => {
    const dir = tempDir('pipewright-launcher-');
    const l = await makeLauncher(route);
    const first = launchShell(l, dir, 'first', 'sleep 30');
    const parked = launchShell(l, dir, 'parked', 'echo started', { after: first.ticket });
    await expect.poll(() => first.pid()).toBeDefined();
    l.drop(parked.ticket);
    expect(await parked.ended).toEqual({ error: 'dropped' });
    signalGroup(first.pid()!, 'SIGKILL');
    expect(await first.ended).toEqual({ exit: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(parked.pid()).toBeUndefined();
    expect(parked.output()).toBe('');
  });

  it('start at once behind a process that could not start, or that has already ended', async () => {
    const dir = tempDir('pipewright-launcher-');
    const l = await makeLauncher(route);
    const broken = launchShell(l, dir, 'broken', 'true', { cwd: join(dir, 'missing') });
    const behindBroken = launchShell(l, dir, 'behind-broken', 'echo ran', { after: broken.ticket });
    expect(await broken.ended).toEqual({ error: 'spawn' });
    expect(await behindBroken.ended).toEqual({ exit: 0 });
    expect(behindBroken.output()).toBe('ran\n');
    const behindEnded = launchShell(l, dir, 'behind-ended', 'echo ran too', { after: broken.ticket });
    expect(await behindEnded.ended).toEqual({ exit: 0 });
    expect(behindEnded.output()).toBe('ran too\n');
  });
});
