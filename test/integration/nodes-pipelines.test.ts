// The catalog's templates run end to end with `pipewright run`: the classification template trains, gates, registers
// and serves a model whose POST /predict answers exactly what offline evaluation predicted; the Python template runs
// scikit-learn with Debian's python3 and writes a learning curve; the regression and drift templates succeed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromAppRoot } from '../../engine/app-root';
import { openDatabase } from '../../engine/store/database';
import { ModelsRepo } from '../../engine/store/models.repo';
import { stopAllDeployments } from '../support/deployments';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

interface RunEvent {
  type: string;
  runId: string;
  nodeId?: string;
  status?: string;
  name?: string;
  value?: number;
  step?: number;
}

const template = (name: string) => fromAppRoot('resources', 'templates', `${name}.pipeline.json`);
const homes: string[] = [];

/** `pipewright run <template> --json` on a fresh home: exit status, events, and where the run's artifacts are. */
function run(name: string, home = tempDir('pipewright-home-'), args: string[] = []) {
  homes.push(home);
  const result = runCli(['run', template(name), '--json', ...args], { home, cwd: home });
  const events = result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as RunEvent);
  const runId = events[0]?.runId ?? '';
  return { ...result, home, events, runId, artifact: (...parts: string[]) => join(home, 'artifacts', runId, ...parts) };
}

/** CSV rows as objects (the bundled data has no quoted commas). */
function readRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])));
}

afterEach(async () => {
  for (const home of homes.splice(0)) await stopAllDeployments(home);
});

describe('templates through `pipewright run`', () => {
  it('tabular classification: the served model answers POST /predict with the offline evaluation’s predictions', async () => {
    const first = run('tabular-classification');
    expect(first.status, first.stderr).toBe(0);
    expect(first.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
    const accuracy = first.events.find((e) => e.type === 'node.metric' && e.nodeId === 'evaluate' && e.name === 'accuracy');
    expect(accuracy?.value).toBeGreaterThan(0.9);

    const endpoint = JSON.parse(readFileSync(first.artifact('serve', 'endpoint'), 'utf8')) as { predictUrl: string; url: string; pid: number };
    const test = readRows(first.artifact('split', 'test.csv'));
    const offline = readRows(first.artifact('evaluate', 'predictions.csv')).map((r) => r['prediction']);
    const features = test.map(({ diagnosis: _label, ...row }) => row);
    const response = await fetch(endpoint.predictUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(features) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { predictions: string[] }).predictions).toEqual(offline);

    // Lineage: the registered version and the deployment point back at this run and their nodes.
    const db = openDatabase(join(first.home, 'pipewright.db'));
    const [version] = new ModelsRepo(db).versions('tabular classification');
    db.close();
    expect(version).toMatchObject({ version: 1, aliases: ['staging'], lineage: { runId: first.runId, nodeId: 'register', pipelineName: 'tabular classification' } });
    expect(version!.metrics['accuracy']).toBe(accuracy!.value);
    const deployments = runCli(['deployments', '--json'], { home: first.home });
    expect(JSON.parse(deployments.stdout)).toMatchObject([{ name: 'tabular classification', modelVersion: 1, status: 'running', runId: first.runId, nodeId: 'serve' }]);

    // A second run registers version 2 and replaces the server (register and serve are never cached).
    const second = run('tabular-classification', first.home);
    expect(second.status, second.stderr).toBe(0);
    expect(second.events.find((e) => e.type === 'node.metric' && e.nodeId === 'register')).toMatchObject({ name: 'model_version', value: 2 });
    expect(second.events.filter((e) => e.type === 'node.finished' && e.status === 'cached').map((e) => e.nodeId).sort()).toEqual(['evaluate', 'gate', 'load', 'split', 'train', 'validate']);
    expect(() => process.kill(endpoint.pid, 0)).toThrow();
    const listed = JSON.parse(runCli(['deployments', '--json'], { home: first.home }).stdout) as { status: string; modelVersion: number }[];
    expect(listed.map((d) => [d.status, d.modelVersion])).toEqual([['running', 2], ['stopped', 1]]);
  });

  it('python script: scikit-learn under Debian’s /usr/bin/python3 trains, predicts and passes the gate', () => {
    const result = run('python-script');
    expect(result.status, result.stderr).toBe(0);
    expect(result.events.find((e) => e.type === 'node.metric' && e.nodeId === 'train' && e.name === 'accuracy')?.value).toBeGreaterThan(0.9);
    // Its learning curve: test accuracy by training rows used, one point per 15 rows.
    const curve = result.events.filter((e) => e.type === 'node.metric' && e.nodeId === 'train' && e.name === 'test_accuracy');
    expect(curve.map((e) => e.step)).toEqual([15, 30, 45, 60, 75, 90]);
    expect(readRows(result.artifact('train', 'predictions.csv'))[0]).toHaveProperty('prediction');
    expect(result.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
  });

  it('python script: a raised gate fails the run with the gate’s one-line reason', () => {
    const result = run('python-script', undefined, ['--param', 'min_accuracy=0.999']);
    expect(result.status).toBe(1);
    expect(result.events.find((e) => e.type === 'node.finished' && e.nodeId === 'gate')).toMatchObject({ status: 'failed' });
    expect(result.stdout).toMatch(/quality gate failed: accuracy 0\.9\d+ is below the minimum 0\.999/);
  });

  it.each(['regression', 'drift-monitoring'])('%s succeeds', (name) => {
    const result = run(name);
    expect(result.status, result.stderr).toBe(0);
    expect(result.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
  });
});
