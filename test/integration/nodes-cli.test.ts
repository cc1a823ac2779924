// Every catalog node type as a real `pipewright run-node` subprocess on real data, chained like a pipeline; bad input
// ends with exit code 1 and one line on stderr; `pipewright deployments` lists and stops the served model.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopAllDeployments } from '../support/deployments';
import { runCli, type CliResult } from '../support/run-cli';

// One home and work folder for the whole chain (test/support's tempDir() is removed after each test).
const home = mkdtempSync(join(tmpdir(), 'pipewright-nodes-cli-'));
const work = join(home, 'work');
const at = (name: string) => join(work, name);
afterAll(async () => {
  await stopAllDeployments(home);
  rmSync(home, { recursive: true, force: true });
});

function node(type: string, params: Record<string, unknown>, inputs: Record<string, string>, outputs: Record<string, string>): CliResult {
  const args = ['run-node', type, '--params', JSON.stringify(params), '--metrics', at(`${type}.metrics.json`)];
  for (const [port, path] of Object.entries(inputs)) args.push('--input', `${port}=${path}`);
  for (const [port, path] of Object.entries(outputs)) args.push('--output', `${port}=${path}`);
  return runCli(args, { home, cwd: home });
}

function ok(result: CliResult): CliResult {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result;
}

const metrics = (type: string) => JSON.parse(readFileSync(at(`${type}.metrics.json`), 'utf8')) as Record<string, number>;

describe.sequential('catalog nodes through `pipewright run-node`', () => {
  it('data: sample → csv → label → clean → validate → profile → transform → split', () => {
    ok(node('data.sample', { dataset: 'wine' }, {}, { dataset: at('wine.csv') }));
    ok(node('data.csv', { path: 'work/wine.csv', columns: 'alcohol,malic_acid,color_intensity,proline,cultivar', types: { proline: 'number' } }, {}, { dataset: at('loaded.csv') }));
    ok(node('data.label', { mode: 'rule', column: 'alcohol', operator: '>', value: '13', labelColumn: 'strong', whenTrue: 'yes', whenFalse: 'no' }, { dataset: at('loaded.csv') }, { dataset: at('labelled.csv') }));
    ok(node('data.clean', { missing: 'impute' }, { dataset: at('labelled.csv') }, { dataset: at('clean.csv') }));
    ok(node('data.validate', { schema: JSON.stringify({ minRows: 100, columns: { alcohol: { type: 'number', min: 10, max: 16 }, cultivar: { allowed: ['class_0', 'class_1', 'class_2'] } } }) }, { dataset: at('clean.csv') }, { dataset: at('valid.csv'), report: at('validation.json') }));
    ok(node('data.profile', {}, { dataset: at('valid.csv') }, { report: at('profile.json') }));
    ok(node('data.transform', { drop: 'strong' }, { dataset: at('valid.csv') }, { dataset: at('features.csv') }));
    ok(node('data.split', { testSize: 0.3, seed: 42, stratify: 'cultivar' }, { dataset: at('features.csv') }, { train: at('train.csv'), test: at('test.csv'), validation: at('validation.csv') }));
    expect(metrics('data.split')).toEqual({ train_rows: 124, test_rows: 54 });
    expect(JSON.parse(readFileSync(at('profile.json'), 'utf8')).columns).toHaveLength(6);
    expect(readFileSync(at('features.csv'), 'utf8').split('\n')[0]).toBe('alcohol,malic_acid,color_intensity,proline,cultivar');
  });

  it.each(['logistic-regression', 'decision-tree', 'random-forest', 'knn', 'naive-bayes'])('train.%s → evaluate.classification', (algorithm) => {
    ok(node(`train.${algorithm}`, {}, { dataset: at('train.csv') }, { model: at(`${algorithm}.model`) }));
    ok(node('evaluate.classification', {}, { model: at(`${algorithm}.model`), dataset: at('test.csv') }, { metrics: at(`${algorithm}.eval.json`), predictions: at(`${algorithm}.predictions.csv`) }));
    expect(metrics('evaluate.classification')['accuracy']).toBeGreaterThan(0.8);
  });

  it('train.linear-regression → evaluate.regression on diabetes', () => {
    ok(node('data.sample', { dataset: 'diabetes' }, {}, { dataset: at('diabetes.csv') }));
    ok(node('train.linear-regression', { target: 'progression' }, { dataset: at('diabetes.csv') }, { model: at('linear.model') }));
    ok(node('evaluate.regression', {}, { model: at('linear.model'), dataset: at('diabetes.csv') }, { metrics: at('linear.eval.json'), predictions: at('linear.predictions.csv') }));
    expect(metrics('evaluate.regression')['r2']).toBeGreaterThan(0.45);
  });

  it('gate.metric → deploy.register → deploy.serve → deploy.package; monitor.drift', async () => {
    ok(node('gate.metric', { metric: 'accuracy', threshold: 0.8 }, { metrics: at('random-forest.eval.json') }, { metrics: at('gated.json') }));
    ok(node('deploy.register', { name: 'wine', alias: 'production' }, { model: at('random-forest.model'), metrics: at('gated.json') }, { model: at('registered.model') }));
    ok(node('deploy.serve', {}, { model: at('registered.model') }, { endpoint: at('endpoint.json') }));
    ok(node('deploy.package', { target: 'kserve' }, { model: at('registered.model') }, { package: at('package') }));
    ok(node('monitor.drift', { exclude: 'cultivar' }, { reference: at('train.csv'), current: at('test.csv') }, { report: at('drift.json') }));
    expect(existsSync(at('package/inference-service.yaml'))).toBe(true);

    const endpoint = JSON.parse(readFileSync(at('endpoint.json'), 'utf8')) as { predictUrl: string; deploymentId: string };
    const [header, ...rows] = readFileSync(at('test.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const body = rows.map((r) => Object.fromEntries(header!.slice(0, 4).map((h, i) => [h, r[i]])));
    const served = (await (await fetch(endpoint.predictUrl, { method: 'POST', body: JSON.stringify(body) })).json()) as { predictions: string[] };
    const offline = readFileSync(at('random-forest.predictions.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[5]);
    expect(served.predictions).toEqual(offline);

    const listed = runCli(['deployments'], { home });
    expect(listed.stdout).toMatch(new RegExp(`^${endpoint.deploymentId}\\s+wine\\s+wine v1\\s+running\\s+http://127\\.0\\.0\\.1:\\d+`, 'm'));
    const json = JSON.parse(runCli(['deployments', '--json'], { home }).stdout) as { id: string; status: string }[];
    expect(json).toMatchObject([{ id: endpoint.deploymentId, status: 'running' }]);
    expect(runCli(['deployments', 'stop', endpoint.deploymentId], { home })).toMatchObject({ status: 0, stdout: `${endpoint.deploymentId} wine: stopped\n` });
    await expect(fetch(endpoint.predictUrl, { method: 'POST', body: '[]' })).rejects.toThrow();
    expect(runCli(['deployments', 'stop', '--all'], { home }).stdout).toBe('no running deployments\n');
    expect(runCli(['deployments', 'stop'], { home })).toMatchObject({ status: 2, stderr: 'pipewright: give a deployment id, or --all\n' });
  });

  it('script.python runs with Debian’s interpreter', () => {
    writeFileSync(at('job.py'), 'import os\nopen(os.environ["PIPEWRIGHT_OUTPUT_OUT"], "w").write("done")\n');
    ok(node('script.python', { file: 'work/job.py', interpreter: '/usr/bin/python3' }, {}, { out: at('python.out') }));
    expect(readFileSync(at('python.out'), 'utf8')).toBe('done');
  });

  it.each([
    ['an empty CSV', 'train.knn', {}, { dataset: 'empty.csv' }, 'train.knn: empty.csv is empty — expected a header row and at least one data row'],
    ['a single-class label', 'train.naive-bayes', {}, { dataset: 'one-class.csv' }, 'train.naive-bayes: target column "y" has a single class ("a") in all 2 rows — a classifier needs at least two classes'],
    ['a failed gate', 'gate.metric', { threshold: 0.999 }, { metrics: 'knn.eval.json' }, /^gate\.metric: quality gate failed: accuracy 0\.\d+ is below the minimum 0\.999$/],
    ['a missing interpreter', 'script.python', { interpreter: 'no-python-here' }, {}, 'script.python: Python interpreter "no-python-here" not found — install Python 3 or set "interpreter" to its full path (e.g. /usr/bin/python3)'],
  ])('%s: exit 1 and one line on stderr', (_case, type, params, inputs, message) => {
    writeFileSync(at('empty.csv'), '');
    writeFileSync(at('one-class.csv'), 'x,y\n1,a\n2,a\n');
    const result = node(type, params, Object.fromEntries(Object.entries(inputs).map(([p, f]) => [p, at(f)])), { out: at('ignored') });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^pipewright: /, '')).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
  });

  it('invalid params exit 2', () => {
    const result = node('data.split', { testSize: 2 }, { dataset: at('wine.csv') }, { train: at('x.csv') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^pipewright: data\.split: invalid params for data\.split: testSize: /);
  });
});
