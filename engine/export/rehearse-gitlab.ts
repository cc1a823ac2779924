// The GitLab rehearsal: runs an exported .gitlab-ci.yml for real with gitlab-ci-local (shell executor, artifact
// isolation) in a scratch git repository holding a copy of the pipeline's folder, and collects each job's metrics.
// Built-in jobs find `pipewright` through the PIPEWRIGHT_BIN_DIR variable, pointed at this installation's bin/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NODE_METRICS_FILE, ciNodeDir } from '../../shared/export/exporter';
import { fromAppRoot } from '../app-root';

/** Outcome of a rehearsal. */
export interface Rehearsal {
  ok: boolean;
  /** Job name → PASS/FAIL as gitlab-ci-local reported it. */
  jobs: Record<string, 'passed' | 'failed'>;
  /** Node id → the metrics its job wrote. */
  metrics: Record<string, Record<string, number>>;
  /** gitlab-ci-local's output, for the user when something failed. */
  log: string;
}

export class RehearsalError extends Error {}

/** gitlab-ci-local from this installation's node_modules, else from PATH. */
function gitlabCiLocal(): string {
  const local = fromAppRoot('node_modules/.bin/gitlab-ci-local');
  if (existsSync(local)) return local;
  const found = spawnSync('sh', ['-c', 'command -v gitlab-ci-local'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  throw new RehearsalError('gitlab-ci-local is not installed: run `npm install -g gitlab-ci-local@4.73.0` (4.74 and later crash on Node 20)');
}

function requireTool(name: string, why: string): void {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0) throw new RehearsalError(`the rehearsal needs ${name} (${why}): install it, e.g. \`apt-get install ${name}\``);
}

/** Copies `baseDir` (the pipeline's folder) into a scratch repo, adds the export, commits, and runs every job. */
export async function rehearseGitlab(options: { ciYaml: string; baseDir: string; onLine?: (line: string) => void; keep?: boolean }): Promise<Rehearsal> {
  requireTool('git', 'gitlab-ci-local reads the repository');
  requireTool('rsync', 'shell isolation copies the repository per job');
  const runner = gitlabCiLocal();
  const repo = mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-'));
  const home = mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-home-'));
  try {
    cpSync(options.baseDir, repo, { recursive: true, filter: (src) => !['.git', 'node_modules', '.gitlab-ci-local', 'pipewright-artifacts'].includes(basename(src)) });
    writeFileSync(join(repo, '.gitlab-ci.yml'), options.ciYaml);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Pipewright', '-c', 'user.email=rehearsal@pipewright.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Pipewright rehearsal']]) {
      const result = git(...args);
      if (result.status !== 0) throw new RehearsalError(`git ${args[0]} failed in ${repo}: ${result.stderr.trim()}`);
    }
    const args = ['--force-shell-executor', '--shell-isolation', '--home', home, '--variable', `PIPEWRIGHT_BIN_DIR=${fromAppRoot('bin')}`];
    const { code, log } = await run(runner, args, repo, options.onLine);
    const jobs: Rehearsal['jobs'] = {};
    for (const m of log.matchAll(/^\s*(PASS|FAIL)\s+(\S+)/gm)) jobs[m[2]!] = m[1] === 'PASS' ? 'passed' : 'failed';
    return { ok: code === 0 && Object.values(jobs).every((s) => s === 'passed'), jobs, metrics: readMetrics(repo, Object.keys(jobs)), log };
  } finally {
    rmSync(home, { recursive: true, force: true });
    if (!options.keep) rmSync(repo, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], cwd: string, onLine?: (line: string) => void): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let log = '';
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop()!;
      for (const line of lines) onLine?.(line);
      log += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => reject(new RehearsalError(`could not start gitlab-ci-local: ${error.message}`)));
    child.on('close', (code) => {
      if (partial) onLine?.(partial);
      resolve({ code: code ?? 1, log });
    });
  });
}

/** pipewright-artifacts/<job>/_metrics.json of every job (copied back into the repository by gitlab-ci-local). */
function readMetrics(repo: string, jobs: readonly string[]): Rehearsal['metrics'] {
  const metrics: Rehearsal['metrics'] = {};
  for (const job of jobs) {
    const file = join(repo, ciNodeDir(job), NODE_METRICS_FILE);
    if (!existsSync(file)) continue;
    try {
      metrics[job] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    } catch (error) {
      throw new RehearsalError(`job ${job} wrote metrics that are not JSON: ${(error as Error).message}`);
    }
  }
  return metrics;
}
