// The `pipewright` CLI as a subprocess: help and version, validate exit codes and file encodings, import → list →
// export-file round trip, several processes opening a fresh home at once.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeMigrations } from '../../engine/store/migrations/index';
import { fixturePath, readFixture } from '../support/fixtures';
import { CLI, runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

/** `pipewright <args>` as a child process that runs alongside others; resolves with its exit code and stderr. */
function cliAsync(home: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const COMMANDS = ['serve', 'validate', 'import', 'export-file', 'list', 'nodes', 'run-node'];

describe('pipewright CLI', () => {
  it('prints --version and --help for the program and every command', () => {
    const home = tempDir();
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
    expect(runCli(['--version'], { home })).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = runCli(['--help'], { home });
    expect(help.status).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toContain(command);
      const sub = runCli([command, '--help'], { home });
      expect(sub.status, command).toBe(0);
      expect(sub.stdout).toContain(`Usage: pipewright ${command}`);
    }
  });

  it('several processes opening a fresh home at the same moment all work: the database is migrated once', async () => {
    // The desktop app and a CLI run, or a script's parallel runs, on a first start: each process finds no schema and
    // would migrate it (before: "table runs already exists" in about one round of six processes in three).
    for (let round = 0; round < 6; round++) {
      const home = tempDir();
      const results = await Promise.all(Array.from({ length: 6 }, () => cliAsync(home, ['list'])));
      expect(results).toEqual(results.map(() => ({ code: 0, stderr: '' })));
      const db = new Database(join(home, 'pipewright.db'), { readonly: true });
      expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(storeMigrations.map((m) => m.id));
      db.close();
    }
  }, 60_000);

  it('parallel imports of one file each get their own name (chosen under the write lock)', async () => {
    // Before: two processes both picked "hello (2)" and one failed "UNIQUE constraint failed: pipelines.name".
    const file = fixturePath('pipelines/hello.pipeline.json');
    for (let round = 0; round < 4; round++) {
      const home = tempDir();
      expect(runCli(['import', file], { home }).status).toBe(0);
      const results = await Promise.all(Array.from({ length: 5 }, () => cliAsync(home, ['import', file])));
      expect(results).toEqual(results.map(() => ({ code: 0, stderr: '' })));
      const names = (JSON.parse(runCli(['list', '--json'], { home }).stdout) as { name: string }[]).map((p) => p.name);
      expect(names.sort()).toEqual(['hello', 'hello (2)', 'hello (3)', 'hello (4)', 'hello (5)', 'hello (6)']);
    }
  }, 60_000);

  it('exits 2 on bad usage', () => {
    const home = tempDir();
    expect(runCli(['no-such-command'], { home }).status).toBe(2);
    expect(runCli(['validate'], { home }).status).toBe(2);
  });

  it('validate: 0 for a valid file, 2 with every problem printed for an invalid one or a missing file', () => {
    const home = tempDir();
    const ok = runCli(['validate', fixturePath('pipelines/hello.pipeline.json')], { home });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/valid \(2 nodes, 1 edges\)/);
    const cycle = runCli(['validate', fixturePath('pipelines/cycle.pipeline.yaml')], { home });
    expect(cycle.status).toBe(2);
    expect(cycle.stdout).toMatch(/error: the pipeline has a cycle: a → b → c → a/);
    const missing = runCli(['validate', 'nowhere.json'], { home });
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('nowhere.json: no such file') });
    const folder = tempDir();
    expect(runCli(['validate', folder], { home })).toMatchObject({ status: 2, stderr: `pipewright: ${folder}: is a folder, not a pipeline file\n` });
    const json = runCli(['validate', '--json', fixturePath('pipelines/cycle.pipeline.yaml')], { home });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ code: 'cycle', severity: 'error' });
  });

  it('validate reads files as editors and shells write them: UTF-8 with a byte-order mark, UTF-16 LE and BE', () => {
    const home = tempDir();
    const dir = tempDir();
    const text = readFixture('pipelines/hello.pipeline.json');
    const files = {
      'utf8-bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le.json': Buffer.from(`\uFEFF${text}`, 'utf16le'),
      'utf16be.json': Buffer.from(`\uFEFF${text}`, 'utf16le').swap16(),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, name), bytes);
      expect(runCli(['validate', join(dir, name)], { home }), name).toMatchObject({ status: 0, stdout: expect.stringContaining('valid (2 nodes, 1 edges)') });
    }
  });

  it('import → list → export-file gives back the same bytes, and data lives in PIPEWRIGHT_HOME', () => {
    const home = tempDir();
    const imported = runCli(['import', fixturePath('pipelines/hello.pipeline.json')], { home });
    expect(imported).toMatchObject({ status: 0, stdout: expect.stringContaining('imported "hello"') });
    const list = runCli(['list'], { home });
    expect(list.stdout).toMatch(/^NAME\s+REVISION\s+NODES\s+UPDATED\nhello\s+1\s+2\s/);
    const out = join(home, 'out.json');
    expect(runCli(['export-file', 'hello', '--out', out], { home }).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFixture('pipelines/hello.pipeline.json'));
    expect(runCli(['export-file', 'hello'], { home }).stdout).toBe(readFixture('pipelines/hello.pipeline.json'));
    expect(runCli(['list', '--json'], { home: tempDir() }).stdout.trim()).toBe('[]');
    // An --out that cannot be written is said plainly (exit 2), not as an unexpected error with a stack trace.
    expect(runCli(['export-file', 'hello', '--out', home], { home })).toMatchObject({
      status: 2,
      stderr: `pipewright: cannot open ${home}: a folder is in the way where a file is needed [EISDIR]\n`,
    });
    expect(runCli(['export-file', 'hello', '--out', join(out, 'x.json')], { home })).toMatchObject({
      status: 2,
      stderr: `pipewright: cannot open ${join(out, 'x.json')}: a file is in the way where a folder is needed [ENOTDIR]\n`,
    });
  });

  it('refuses to import an invalid file and stores nothing', () => {
    const home = tempDir();
    const result = runCli(['import', fixturePath('pipelines/README.md')], { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/README\.md/);
    expect(runCli(['list', '--json'], { home }).stdout.trim()).toBe('[]');
  });

  it('nodes lists the catalog as a table and as JSON', () => {
    const home = tempDir();
    expect(runCli(['nodes'], { home }).stdout).toMatch(/script\.shell\s+utility/);
    const json = JSON.parse(runCli(['nodes', '--json'], { home }).stdout) as { id: string }[];
    expect(json.map((t) => t.id)).toContain('script.shell');
  });

  it('run-node runs a script node from the env/flag contract and propagates failures', () => {
    const home = tempDir();
    const out = join(home, 'artifacts', 'greeting.txt');
    const ok = runCli(['run-node', 'script.shell', '--params', JSON.stringify({ command: 'printf "$GREETING" > {{outputs.text}}' }), '--output', `text=${out}`], {
      home,
      env: { GREETING: 'hi there' },
    });
    expect(ok.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('hi there');
    const failed = runCli(['run-node', 'script.shell', '--params', '{"command":"exit 4"}'], { home });
    expect(failed).toMatchObject({ status: 4, stderr: expect.stringContaining('command exited with code 4') });
    const typo = runCli(['run-node', 'script.shell', '--params', '{"command":"cat {{inputs.nope}}"}'], { home });
    expect(typo).toMatchObject({ status: 2, stderr: expect.stringContaining('no input "nope"') });
  });

  it('refuses a database from a newer version with a clear message', async () => {
    const home = tempDir();
    runCli(['list'], { home });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(home, 'pipewright.db'));
    db.pragma('user_version = 500');
    db.close();
    const result = runCli(['list'], { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/newer version of Pipewright/);
  });
});
