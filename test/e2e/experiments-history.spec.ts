// Metric history and model lineage end to end, on runs of a real classifier (breast-cancer k-NN, built-in nodes):
// a worse k after a better one shows as a regression; a registered model version leads back to its run, revision,
// params and data, and a run's details list the model it registered.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/pipelines/knn-classifier.pipeline.json', import.meta.url));

function cli(home: string, args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, PIPEWRIGHT_HOME: home }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

test('metric history marks a regression; lineage goes from a model version back to its run and forward again', async ({ page, served }) => {
  cli(served.home, ['import', FIXTURE]);
  // k = 3 (accuracy 0.9591) first, then k = 15 (0.9474): the second run is a regression. Parallel 1 keeps the order.
  cli(served.home, ['run', 'knn classifier', '--sweep', 'k=3,15', '--sweep-parallel', '1']);
  const runs = JSON.parse(cli(served.home, ['runs', '--json', '--sort', 'started', '--asc'])) as { id: string; params: { k: number } }[];
  expect(runs.map((r) => r.params.k)).toEqual([3, 15]);

  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('tablist', { name: 'Experiments' }).getByRole('tab', { name: 'Metric history' }).click();
  // Nothing to choose first: the only pipeline, by its deciding metric.
  await expect(page.getByLabel('History pipeline')).toHaveValue('knn classifier');
  await expect(page.getByLabel('History metric')).toHaveValue('accuracy');
  await expect(page.getByTestId('history-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('regression-count')).toHaveText('1 regression:');
  await expect(page.locator('.regressions li')).toContainText(`${runs[1]!.id} accuracy 0.9474 (best before: 0.9591), revision 1`);
  await page.getByText('revision', { exact: true }).click();
  await expect(page.getByTestId('history-chart').locator('svg')).toBeVisible();

  await page.getByRole('tablist', { name: 'Experiments' }).getByRole('tab', { name: 'Lineage' }).click();
  // The only model is chosen, and its latest version shown, without a choice.
  await expect(page.getByLabel('Lineage model')).toHaveValue('cancer-knn');
  await expect(page.getByLabel('Lineage version')).toHaveValue('2');
  const lineage = page.getByTestId('model-lineage');
  await expect(lineage.getByRole('heading', { name: 'cancer-knn v2' })).toBeVisible();
  await expect(lineage.getByRole('button', { name: runs[1]!.id })).toBeVisible();
  await expect(lineage.getByTestId('lineage-revision')).toHaveText('knn classifier revision 1');
  await expect(lineage).toContainText('k=15');
  await expect(lineage).toContainText(/split\.train [0-9a-f]{12}/);
  await expect(lineage.getByTestId('lineage-models')).toContainText('cancer-knn v2');

  // From the run forward: its details list the model version it registered.
  await page.getByRole('tablist', { name: 'Experiments' }).getByRole('tab', { name: 'Runs' }).click();
  await page.locator(`[data-run="${runs[0]!.id}"]`).click();
  await expect(page.getByTestId('run-details').getByTestId('lineage-models')).toContainText('cancer-knn v1');

  // And to the designer: the pipeline opens with that run shown.
  await page.getByTestId('run-details').getByRole('button', { name: 'Open in the designer' }).click();
  await expect(page.getByRole('tab', { name: 'Designer' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
});
