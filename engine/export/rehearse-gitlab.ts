// The GitLab rehearsal: runs the pipeline twice — locally with `pipewright run`, and as its exported .gitlab-ci.yml with
// gitlab-ci-local (shell executor, --shell-isolation: every job in its own copy, artifacts only through `needs`) — in a
// scratch git repository holding a copy of the pipeline's folder, then compares the metrics every node reported.
// Built-in jobs find `pipewright` through PIPEWRIGHT_BIN_DIR (this installation's bin/); both runs use scratch
// PIPEWRIGHT_HOMEs so registrations and deployments never touch the user's data, and deployments are stopped after.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NODE_METRICS_FILE, ciNodeDir } from '../../shared/export/exporter';
import { getNodeType } from '../../shared/nodes/index';
import { serializePipeline } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { fromAppRoot } from '../app-root';
import { compareMetrics, type MetricComparison, type NodeMetrics } from './compare-metrics';
import { runWithLines } from './line-process';

/** The copy of the pipeline the local run reads, at the root of the scratch repository (its base folder). */
const PIPELINE_FILE = 'pipewright-rehearsal.pipeline.json';

/** Outcome of a rehearsal. */
export interface Rehearsal {
  /** Both runs succeeded and every compared metric matches. */
  ok: boolean;
  localOk: boolean;
  /** Job name → its state as gitlab-ci-local reported it. */
  jobs: Record<string, 'passed' | 'failed'>;
  comparison: MetricComparison[];
  /** Side-effect nodes (deploy …) whose metrics are not compared: ports, versions and URLs differ by design. */
  notCompared: string[];
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

/** A git repository with a copy of `baseDir`, the export and the pipeline file, committed. */
function scratchRepository(baseDir: string, pipeline: Pipeline, ciYaml: string): string {
  const repo = mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-'));
  cpSync(baseDir, repo, { recursive: true, filter: (src) => !['.git', 'node_modules', '.gitlab-ci-local', 'pipewright-artifacts'].includes(basename(src)) });
  writeFileSync(join(repo, '.gitlab-ci.yml'), ciYaml);
  writeFileSync(join(repo, PIPELINE_FILE), serializePipeline(pipeline));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Pipewright', '-c', 'user.email=rehearsal@pipewright.invalid', ...args], { cwd: repo, encoding: 'utf8' });
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Pipewright rehearsal']]) {
    const result = git(...args);
    if (result.status !== 0) throw new RehearsalError(`git ${args[0]} failed in ${repo}: ${result.stderr.trim()}`);
  }
  return repo;
}

/** `pipewright run --json --no-cache` of the pipeline copy: whether it succeeded and the metrics each node reported. */
async function runLocally(repo: string, home: string, onLine?: (line: string) => void): Promise<{ ok: boolean; metrics: NodeMetrics }> {
  const metrics: NodeMetrics = {};
  const result = await runWithLines(process.execPath, [fromAppRoot('bin/pipewright'), 'run', PIPELINE_FILE, '--json', '--no-cache'], {
    cwd: repo,
    env: { PIPEWRIGHT_HOME: home },
    onLine: (line) => {
      if (!line.startsWith('{')) return onLine?.(line);
      const event = JSON.parse(line) as { type: string; nodeId?: string; name?: string; value?: number; status?: string; text?: string };
      if (event.type === 'node.metric') (metrics[event.nodeId!] ??= {})[event.name!] = event.value!;
      if (event.type === 'node.log') onLine?.(`${event.nodeId} > ${event.text}`);
      if (event.type === 'node.finished' || event.type === 'run.finished') onLine?.(`${event.nodeId ?? 'run'}: ${event.status}`);
    },
  });
  return { ok: result.code === 0, metrics };
}

/**
 * pipewright-artifacts/<job>/_metrics.json of every job (gitlab-ci-local copies artifacts back into the repository).
 * Like the local runner, a file that is not a JSON object of numbers is reported and its bad entries are skipped.
 */
function ciMetrics(repo: string, jobs: readonly string[], warn: (line: string) => void): NodeMetrics {
  const metrics: NodeMetrics = {};
  for (const job of jobs) {
    const file = join(repo, ciNodeDir(job), NODE_METRICS_FILE);
    if (!existsSync(file)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      warn(`gitlab job ${job} wrote metrics that are not JSON (${(error as Error).message}); none recorded`);
      continue;
    }
    for (const [name, value] of Object.entries(parsed && typeof parsed === 'object' ? parsed : {})) {
      if (typeof value === 'number' && Number.isFinite(value)) (metrics[job] ??= {})[name] = value;
      else warn(`gitlab job ${job}: metric "${name}" is not a finite number; skipped`);
    }
  }
  return metrics;
}

/** Stops prediction servers a deploy node started in a scratch home (they outlive their run by design). */
function stopDeployments(home: string): void {
  if (!existsSync(join(home, 'pipewright.db'))) return;
  spawnSync(process.execPath, [fromAppRoot('bin/pipewright'), 'deployments', 'stop', '--all'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, timeout: 30_000 });
}

export async function rehearseGitlab(options: {
  pipeline: Pipeline;
  ciYaml: string;
  baseDir: string;
  onLine?: (line: string) => void;
}): Promise<Rehearsal> {
  requireTool('git', 'gitlab-ci-local reads the repository');
  requireTool('rsync', 'shell isolation copies the repository per job');
  const gitlab = gitlabCiLocal();
  const repo = scratchRepository(options.baseDir, options.pipeline, options.ciYaml);
  const homes = { local: mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-local-')), ci: mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-ci-')), glc: mkdtempSync(join(tmpdir(), 'pipewright-rehearsal-glc-')) };
  try {
    options.onLine?.('— local run (pipewright run) —');
    const local = await runLocally(repo, homes.local, (line) => options.onLine?.(`local  ${line}`));
    options.onLine?.('— GitLab pipeline (gitlab-ci-local, shell executor) —');
    const args = ['--force-shell-executor', '--shell-isolation', '--home', homes.glc, '--variable', `PIPEWRIGHT_BIN_DIR=${fromAppRoot('bin')}`, '--variable', `PIPEWRIGHT_HOME=${homes.ci}`];
    const ci = await runWithLines(gitlab, args, { cwd: repo, onLine: (line) => options.onLine?.(`gitlab ${line}`) }).catch((error: Error) => {
      throw new RehearsalError(`could not start gitlab-ci-local: ${error.message}`);
    });
    const jobs: Rehearsal['jobs'] = {};
    for (const m of ci.output.matchAll(/^\s*(PASS|FAIL)\s+(\S+)/gm)) jobs[m[2]!] = m[1] === 'PASS' ? 'passed' : 'failed';
    const sideEffects = new Set(options.pipeline.nodes.filter((n) => getNodeType(n.type)?.sideEffects).map((n) => n.id));
    const without = (metrics: NodeMetrics) => Object.fromEntries(Object.entries(metrics).filter(([node]) => !sideEffects.has(node)));
    const comparison = compareMetrics(without(local.metrics), without(ciMetrics(repo, Object.keys(jobs), (line) => options.onLine?.(line))));
    const ciOk = ci.code === 0 && Object.keys(jobs).length > 0 && Object.values(jobs).every((s) => s === 'passed');
    return { ok: local.ok && ciOk && comparison.every((c) => c.same), localOk: local.ok, jobs, comparison, notCompared: [...sideEffects].sort() };
  } finally {
    stopDeployments(homes.local);
    stopDeployments(homes.ci);
    for (const dir of [repo, ...Object.values(homes)]) rmSync(dir, { recursive: true, force: true });
  }
}
