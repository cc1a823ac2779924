// Export dialog end to end in Chromium against `pipewright serve`: live preview per target, lint problems that
// highlight their node on the canvas, copy to clipboard, and save as a download in web mode.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

const pipeline = {
  schemaVersion: 1,
  name: 'gpu training',
  parameters: [{ name: 'epochs', type: 'number', default: 3 }],
  nodes: [
    { id: 'prepare', type: 'script.shell', params: { command: 'seq 1 {{params.epochs}} > {{outputs.rows}}' }, outputs: [{ id: 'rows', type: 'dataset' }], position: { x: 0, y: 0 } },
    {
      id: 'train',
      type: 'script.shell',
      params: { command: 'wc -l {{inputs.rows}}', image: 'python:3.12-slim' },
      inputs: [{ id: 'rows', type: 'dataset' }],
      settings: { resources: { gpu: 1 } },
      position: { x: 260, y: 0 },
    },
  ],
  edges: [{ id: 'e1', source: 'prepare', sourceHandle: 'rows', target: 'train', targetHandle: 'rows' }],
};

test('preview every target, follow a problem to its node, copy and download the export', async ({ page, served, context }) => {
  const file = join(served.home, 'gpu.pipeline.json');
  writeFileSync(file, JSON.stringify(pipeline));
  expect(spawnSync(process.execPath, [CLI, 'import', file], { env: { ...process.env, PIPEWRIGHT_HOME: served.home } }).status).toBe(0);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  await page.goto(served.url);
  await page.getByTestId('pipeline-item').filter({ hasText: 'gpu training' }).getByRole('button').first().click();
  await expect(page.locator('.react-flow__node[data-id="train"]')).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export “gpu training”' });
  await expect(dialog).toBeVisible();

  await expect(dialog.getByRole('tab', { name: '.github/workflows/gpu-training.yml' })).toBeVisible();
  const preview = dialog.getByTestId('export-preview');
  await expect(preview.locator('.cm-content')).toContainText('runs-on: ubuntu-latest');
  await expect(preview.locator('.cm-content')).toContainText('# Pipewright export of pipeline "gpu training" · revision 1');
  // Highlighted: the YAML keys are styled tokens, not plain text.
  expect(await preview.locator('.cm-line span').count()).toBeGreaterThan(10);
  await expect(preview.locator('.cm-content')).toHaveAttribute('contenteditable', 'false');

  const gpu = dialog.getByTestId('export-problem').filter({ hasText: 'requests 1 GPU' });
  await expect(gpu).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="train"]')).toHaveAttribute('data-export-problem', 'warning');
  await gpu.getByRole('button').click();
  await expect(page.locator('.react-flow__node[data-id="train"]')).toHaveAttribute('data-export-focus', 'true');
  await expect(page.locator('.react-flow__node[data-id="prepare"]')).not.toHaveAttribute('data-export-focus', 'true');

  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('actions/upload-artifact@v6');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('gpu-training.yml');
  expect(readFileSync(await saved.path(), 'utf8')).toContain('needs:\n      - prepare');

  await dialog.getByLabel('Target').selectOption('argo');
  await expect(dialog.getByRole('tab', { name: 'gpu-training.argo.yaml' })).toBeVisible();
  await expect(preview.locator('.cm-content')).toContainText('nvidia.com/gpu');
  await expect(dialog.getByTestId('export-problem').filter({ hasText: 'GPU' })).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="train"]')).not.toHaveAttribute('data-export-problem', 'warning');

  await dialog.getByLabel('Argo resource').selectOption('CronWorkflow');
  await expect(dialog.getByTestId('export-problem').filter({ hasText: 'needs a schedule' })).toBeVisible();
  await expect(dialog.getByTestId('export-blocked')).toBeVisible();
  await dialog.getByLabel('Schedule (cron, UTC)').fill('0 3 * * 1');
  await expect(preview.locator('.cm-content')).toContainText('kind: CronWorkflow');

  await dialog.getByLabel('Include the runner image Dockerfile').check();
  await expect(dialog.getByRole('tab', { name: 'Dockerfile.pipewright-runner' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
