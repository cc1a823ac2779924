// A real full disk under PIPEWRIGHT_HOME (a 2 MB tmpfs; needs permission to mount, else skipped saying so): a node
// that fails for lack of room says the disk is full even when its stderr could not be kept, and the next command
// says it cannot use the database there — a sentence, not a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

const disk = mkdtempSync(join(tmpdir(), 'pipewright-full-disk-'));
const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { encoding: 'utf8' });
const mounted = mount.status === 0;
if (!mounted) console.log(`full-disk tests skipped: cannot mount a tmpfs here (${(mount.stderr || mount.error?.message || '').trim()})`);

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk under the data home', () => {
  it('a node that ran out of room says so; the next command cannot use the database and says why', () => {
    const home = join(disk, 'home');
    const file = join(tempDir(), 'fill.pipeline.json');
    const nodes = [{ id: 'fill', type: 'script.shell', params: { command: 'head -c 3000000 /dev/zero > {{outputs.data}}' }, outputs: [{ id: 'data', type: 'dataset' }], position: { x: 0, y: 0 } }];
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'fill', nodes, edges: [] }));
    const first = runCli(['run', file], { home });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^fill │ ✖ failed: exited with code 1.*; the disk holding \S+ is full \(\d+ KiB free\)$/m);

    // The partial output still fills the disk.
    const second = runCli(['run', file], { home });
    expect(second.status).toBe(1);
    expect(second.stderr).not.toContain('unexpected error');
    expect(second.stderr).toMatch(/^pipewright: cannot .* the disk is full \[(SQLITE_FULL|ENOSPC)\]$/m);
  });
});
