// Shared helpers for the runner benchmarks: timing a command, medians, which peers are installed, Markdown tables.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${ROOT}/dist/cli.js`;

/** Builds dist/cli.js when it is missing (the benchmarks time the bundled CLI, as users run it). */
export function ensureCli() {
  if (!existsSync(CLI)) spawnSync(process.execPath, [`${ROOT}/scripts/build.mjs`, '--engine'], { stdio: 'inherit' });
}

/** Runs a command to completion with output discarded; returns wall milliseconds. Throws when it fails. */
export function time(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: options.stdio ?? 'ignore', cwd: options.cwd, env: { ...process.env, ...options.env }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}${result.stderr ? `: ${result.stderr}` : ''}`);
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** True when `command --version` runs. */
export function installed(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

export function markdownTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Machine facts printed above every result table. */
export function machine() {
  const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout?.split(' ').slice(0, 3).join(' ');
  return `node ${process.version}, ${spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim()} cores, load average at start ${load}, ${fileCreationCost()}`;
}

/**
 * CPU time to create one empty file in the temp folder. Every node process writes two new log files, and on the
 * project's VM this cost alternates for minutes at a time between ~30 µs and ~0.5 ms (bench/README.md): figures are
 * comparable only within the same phase, so each benchmark prints it at its start and its end.
 */
export function fileCreationCost(files = 2000) {
  const dir = mkdtempSync(join(tmpdir(), 'pipewright-bench-fs-'));
  const before = process.cpuUsage();
  for (let i = 0; i < files; i++) closeSync(openSync(join(dir, String(i)), 'w'));
  const used = process.cpuUsage(before);
  rmSync(dir, { recursive: true, force: true });
  return `file creation ${Math.round((used.user + used.system) / files)} µs of CPU each`;
}

/** Starts `pipewright serve --port 0` with `env`; resolves with the process and the URL it printed. */
export async function startServe(env) {
  const server = spawn(process.execPath, [`${ROOT}/bin/pipewright`, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Pipewright UI: (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
  });
  return { server, url };
}
