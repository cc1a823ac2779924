// A data home on a disk that cannot take writes — full (a 2 MB tmpfs), or read-only (the same, remounted so) — with
// real CLI processes (mounting needs permission; without it these are skipped, saying so): a node that fails for
// lack of room says the disk is full even when its stderr could not be kept, the next command says it cannot use the
// database there, and a read-only home is called that, not a damaged database — sentences, not stack traces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

const mounted = new Set<string>();

/** A fresh tmpfs of `size` (e.g. "2m"), unmounted after the test; undefined where mounting is not permitted. */
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'pipewright-disk-'));
  mounted.add(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0) return dir;
  unmount(dir);
  return undefined;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  mounted.delete(dir);
}

afterEach(() => mounted.forEach(unmount));

/** Mounting needs root outside most containers: where it is refused, the tests say so and are skipped. */
const probe = tmpfs('1m');
if (probe) unmount(probe);
else console.log('full and read-only disk tests skipped: this user cannot mount a tmpfs here');

function pipelineFile(command: string): string {
  const file = join(tempDir(), 'fill.pipeline.json');
  const nodes = [{ id: 'fill', type: 'script.shell', params: { command }, outputs: [{ id: 'data', type: 'dataset' }], position: { x: 0, y: 0 } }];
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'fill', nodes, edges: [] }));
  return file;
}

describe.skipIf(!probe)('a data home that cannot take writes', () => {
  it('full: a node that ran out of room says so; the next command cannot use the database and says why', () => {
    const home = join(tmpfs('2m')!, 'home');
    const file = pipelineFile('head -c 3000000 /dev/zero > {{outputs.data}}');
    const first = runCli(['run', file], { home });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^fill │ ✖ failed: exited with code 1.*; the disk holding \S+ is full \(\d+ KiB free\)$/m);

    // The partial output still fills the disk.
    const second = runCli(['run', file], { home });
    expect(second.status).toBe(1);
    expect(second.stderr).not.toContain('unexpected error');
    expect(second.stderr).toMatch(/^pipewright: cannot .* the disk is full \[(SQLITE_FULL|ENOSPC)\]$/m);
  });

  it('read-only: said as such, not "not a valid SQLite database or damaged" (which advises moving a good file aside)', () => {
    const disk = tmpfs('4m')!;
    const home = join(disk, 'home');
    expect(runCli(['run', pipelineFile('echo fine > {{outputs.data}}')], { home }).status).toBe(0);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const listed = runCli(['runs'], { home });
    expect(listed.status).toBe(2);
    expect(listed.stderr.trim()).toBe(
      `pipewright: Pipewright cannot open ${join(home, 'pipewright.db')}: its folder cannot be written (the file system is read-only [EROFS]), and SQLite writes beside the database even to read it. Make the folder writable, or set PIPEWRIGHT_HOME to another folder.`,
    );
  });
});
