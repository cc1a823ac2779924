// Models view end to end: versions with metrics and lineage, aliases set/moved/removed, two versions compared, the
// Deployments panel stopping real prediction servers, and the lineage link back to the run that registered a version —
// on a home filled by real `pipewright run-node` and `pipewright run` processes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

/** Runs one node with the CLI against the served home; `run` sets the runner's lineage variables. */
function cli(home: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: home, env: { ...process.env, PIPEWRIGHT_HOME: home, ...env }, encoding: 'utf8', stdio: 'pipe' });
}

function runNode(home: string, type: string, params: object, ports: string[], run?: Record<string, string>): void {
  const flags = ports.flatMap((p) => [p.startsWith('in:') ? '--input' : '--output', p.replace(/^(in|out):/, '')]);
  cli(home, ['run-node', type, '--params', JSON.stringify(params), ...flags], run);
}

/** Two registered versions of "iris" (k = 5 with lineage from a run, k = 3) and two running deployments. */
function seed(home: string): { urls: string[] } {
  const at = (name: string) => join(home, 'work', name);
  runNode(home, 'data.sample', { dataset: 'iris' }, [`out:dataset=${at('iris.csv')}`]);
  runNode(home, 'data.split', { testSize: 0.3, stratify: 'species' }, [`in:dataset=${at('iris.csv')}`, `out:train=${at('train.csv')}`, `out:test=${at('test.csv')}`]);
  for (const k of [5, 3]) {
    runNode(home, 'train.knn', { k }, [`in:dataset=${at('train.csv')}`, `out:model=${at(`knn${k}`)}`]);
    runNode(home, 'evaluate.classification', {}, [`in:model=${at(`knn${k}`)}`, `in:dataset=${at('test.csv')}`, `out:metrics=${at(`eval${k}.json`)}`]);
    const lineage = k === 5 ? { PIPEWRIGHT_RUN_ID: 'run-5f2a9c', PIPEWRIGHT_NODE_ID: 'register', PIPEWRIGHT_PIPELINE: 'iris', PIPEWRIGHT_PIPELINE_REVISION: '3' } : undefined;
    runNode(home, 'deploy.register', { name: 'iris', alias: k === 5 ? 'staging' : '' }, [`in:model=${at(`knn${k}`)}`, `in:metrics=${at(`eval${k}.json`)}`, `out:model=${at(`registered${k}`)}`], lineage);
  }
  const urls = ['alpha', 'beta'].map((name) => {
    runNode(home, 'deploy.serve', { name }, [`in:model=${at('registered3')}`, `out:endpoint=${at(`${name}.json`)}`]);
    return (JSON.parse(readFileSync(at(`${name}.json`), 'utf8')) as { url: string }).url;
  });
  return { urls };
}

// Prediction servers outlive runs by design: stop whatever a test started, also when it failed half-way.
test.afterEach(({ served }) => {
  cli(served.home, ['deployments', 'stop', '--all']);
});

test('registry: versions, lineage, aliases, comparison; deployments: stop one, stop all', async ({ page, served }) => {
  const { urls } = seed(served.home);
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Models' }).click();
  await expect(page.getByRole('tab', { name: 'Models' })).toHaveAttribute('aria-selected', 'true');

  const model = page.getByTestId('model-item').filter({ hasText: 'iris' });
  await expect(model).toContainText('2 versions · staging: v1');
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(2);
  const v1 = rows.and(page.locator('[data-version="1"]'));
  const v2 = rows.and(page.locator('[data-version="2"]'));
  await expect(v1.getByTestId('alias-chip')).toHaveText(/staging/);
  await expect(v1.getByTestId('run-link')).toHaveAttribute('href', '#/runs/run-5f2a9c');
  await expect(v1).toContainText('iris r3');
  await expect(v2).toContainText('no run');
  await expect(page.getByRole('table', { name: 'Versions' }).getByRole('columnheader', { name: 'accuracy' })).toBeVisible();

  // Move "staging" to version 2.
  await v2.getByRole('button', { name: 'Set alias on version 2' }).click();
  await v2.getByLabel('Alias for version 2').fill('staging');
  await v2.getByRole('button', { name: 'Set' }).click();
  await expect(v2.getByTestId('alias-chip')).toHaveText(/staging/);
  await expect(v1.getByTestId('alias-chip')).toHaveCount(0);
  await expect(model).toContainText('staging: v2');

  // Compare the two versions: k changed, accuracy side by side.
  await page.getByRole('checkbox', { name: 'Compare version 1' }).check();
  await page.getByRole('checkbox', { name: 'Compare version 2' }).check();
  await page.getByRole('button', { name: 'Compare v1 and v2' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison of version 1 and version 2' });
  await expect(comparison.getByTestId('param-diff').filter({ hasText: /^k/ })).toHaveAttribute('data-changed', 'true');
  await expect(comparison.getByTestId('param-diff').filter({ hasText: /^target/ })).toHaveAttribute('data-changed', 'false');
  await expect(comparison.getByTestId('metric-diff').filter({ hasText: 'accuracy' })).toBeVisible();

  // Remove the alias again.
  await v2.getByRole('button', { name: 'Remove alias staging' }).click();
  await expect(page.getByTestId('alias-chip')).toHaveCount(0);

  // Deployments: both running; stop one by its button, then the rest with "Stop all".
  const deployments = page.getByRole('region', { name: 'Deployments' });
  await expect(deployments.getByTestId('deployment-row').and(page.locator('[data-status="running"]'))).toHaveCount(2);
  await deployments.getByRole('button', { name: 'Stop alpha' }).click();
  await expect(deployments.getByTestId('deployment-row').filter({ hasText: 'alpha' })).toHaveAttribute('data-status', 'stopped');
  await expect(fetch(`${urls[0]}/health`)).rejects.toThrow();
  expect((await fetch(`${urls[1]}/health`)).status).toBe(200);
  await deployments.getByRole('button', { name: 'Stop all' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stop all' }).click();
  await expect(deployments.getByTestId('deployment-row').and(page.locator('[data-status="stopped"]'))).toHaveCount(2);
  await expect(fetch(`${urls[1]}/health`)).rejects.toThrow();
});

test('lineage: a version registered by a pipeline run links back to that run in the designer', async ({ page, served }) => {
  const template = fileURLToPath(new URL('../../resources/templates/tabular-classification.pipeline.json', import.meta.url));
  cli(served.home, ['import', template]);
  const events = cli(served.home, ['run', 'tabular classification', '--json']).trim().split('\n').map((l) => JSON.parse(l) as { type: string; runId: string });
  const runId = events[0]!.runId;

  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Models' }).click();
  const row = page.getByTestId('version-row').and(page.locator('[data-version="1"]'));
  await expect(row).toContainText('tabular classification r1');
  await expect(row.getByTestId('alias-chip')).toHaveText(/staging/);
  await row.getByTestId('run-link').click();

  await expect(page.getByRole('tab', { name: 'Designer' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('pipeline-item').filter({ hasText: 'tabular classification' }).getByRole('button', { name: /tabular classification/ })).toHaveAttribute('aria-current', 'page');
  const panel = page.getByTestId('run-panel');
  await expect(panel).toContainText(`run ${runId}`);
  await expect(panel.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(panel.getByTestId('run-node-register')).toHaveAttribute('data-state', 'succeeded');

  // The evaluation's artifact charts what its report holds: the ROC curve and the confusion matrix of the test rows.
  await panel.getByTestId('run-node-evaluate').click();
  await panel.getByRole('tab', { name: 'Artifacts' }).click();
  await expect(panel.getByTestId('artifact-roc')).toContainText('ROC curves');
  await expect(panel.getByTestId('artifact-roc')).toContainText(/AUC 0\.9\d\d/);
  const confusion = panel.getByTestId('artifact-confusion');
  await expect(confusion).toContainText('predicted');
  await expect(confusion).toContainText('malignant');
  const counts = (await confusion.locator('text').allTextContents()).filter((t) => /^\d+$/.test(t)).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(143); // the held-out quarter of the 569 rows
});
