// When the engine starts a spawner helper: the Node helper not for a short run (its start-up would cost more than it
// saves) but once a run has launched LAUNCHES_BEFORE_NODE_HELPER processes; the Python helper at the second launch.
// Real processes, the real helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAUNCHES_BEFORE_NODE_HELPER } from '../../../engine/runner/create-run-service';
import { NodeProcessLauncher } from '../../../engine/runner/process-launcher';
import { SpawnerClient } from '../../../engine/runner/spawner/spawner-client';
import { tempDir } from '../../support/temp-home';
import { spawnerCommand } from './run-helpers';

let launcher: NodeProcessLauncher | undefined;
afterEach(() => launcher?.close());

/** Launches `/bin/sh -c command`; resolves with its stdout once it has exited. */
function launchShell(launcher: NodeProcessLauncher, dir: string, name: string, command: string): Promise<string> {
  const stdoutFile = join(dir, `${name}.out`);
  return new Promise((resolve, reject) => {
    const request = { file: '/bin/sh', args: ['-c', command], baseEnv: process.env, env: {}, cwd: dir, stdoutFile, stderrFile: join(dir, `${name}.err`) };
    launcher.launch(request, {
      onPid: () => undefined,
      onExit: () => resolve(existsSync(stdoutFile) ? readFileSync(stdoutFile, 'utf8').trim() : ''),
      onError: (message) => reject(new Error(message)),
    });
  });
}

describe.runIf(process.platform === 'linux')('when the spawner helper starts', () => {
  it('a short run starts no helper; once a run has launched enough processes, later ones come from the helper', async () => {
    const dir = tempDir('pipewright-launcher-');
    const client = new SpawnerClient([spawnerCommand('node-spawner')]);
    launcher = new NodeProcessLauncher(client);
    const parents = await Promise.all(Array.from({ length: LAUNCHES_BEFORE_NODE_HELPER - 1 }, (_, i) => launchShell(launcher!, dir, `n${i}`, 'echo $PPID')));
    expect(new Set(parents)).toEqual(new Set([String(process.pid)]));
    await new Promise((r) => setTimeout(r, 300));
    expect(client.ready).toBe(false);

    expect(await launchShell(launcher, dir, 'last-direct', 'echo $PPID')).toBe(String(process.pid));
    await expect.poll(() => client.ready, { timeout: 10_000 }).toBe(true);
    expect(await launchShell(launcher, dir, 'from-helper', 'echo $PPID')).not.toBe(String(process.pid));
  });

  it('the Python helper starts at the second launch (a one-node run never starts it); later nodes come from it', async () => {
    const dir = tempDir('pipewright-launcher-');
    const client = new SpawnerClient([spawnerCommand('python-spawner')]);
    launcher = new NodeProcessLauncher(client);
    expect(await launchShell(launcher, dir, 'first', 'echo $PPID')).toBe(String(process.pid));
    await new Promise((r) => setTimeout(r, 300));
    expect(client.ready).toBe(false);
    expect(await launchShell(launcher, dir, 'second', 'echo $PPID')).toBe(String(process.pid));
    await expect.poll(() => client.ready, { timeout: 10_000 }).toBe(true);
    const parent = await launchShell(launcher, dir, 'third', 'echo $PPID');
    expect(parent).not.toBe(String(process.pid));
    expect(readFileSync(`/proc/${parent}/cmdline`, 'utf8').split('\0').at(-2)).toBe('pipewright-spawner');
  });
});
