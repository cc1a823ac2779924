// Foundation end-to-end: pipelines persist through a reload and a server restart; one imported from a terminal shows
// up without a reload; requests without the token fail.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

test('create, rename, duplicate and delete a pipeline; it survives a reload and a restart', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('connection')).toHaveText('connected');

  await page.getByRole('button', { name: 'New pipeline' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the new pipeline' });
  await name.fill('churn model');
  await name.press('Enter');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.locator('.react-flow__pane')).toBeVisible();
  // Nothing is out of view on an empty canvas, so there is no minimap.
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText(/saved/);

  await page.getByTestId('pipeline-item').filter({ hasText: 'churn model' }).hover();
  await page.getByRole('button', { name: 'Rename churn model' }).click();
  const rename = page.getByRole('textbox', { name: 'New name for churn model' });
  await rename.fill('churn classifier');
  await rename.press('Enter');
  await expect(page.getByTestId('pipeline-item').filter({ hasText: 'churn classifier' })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('pipeline-item').filter({ hasText: 'churn classifier' })).toBeVisible();

  await page.goto(await served.restart());
  const item = page.getByTestId('pipeline-item').filter({ hasText: 'churn classifier' });
  await expect(item).toBeVisible();

  await item.hover();
  await page.getByRole('button', { name: 'Duplicate churn classifier' }).click();
  await expect(page.getByTestId('pipeline-item').filter({ hasText: 'churn classifier copy' })).toBeVisible();

  await page.getByTestId('pipeline-item').filter({ hasText: 'churn classifier copy' }).hover();
  await page.getByRole('button', { name: 'Delete churn classifier copy' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete “churn classifier copy”?');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('pipeline-item')).toHaveCount(1);
});

test('a pipeline imported in a terminal appears in the open app, no reload needed', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('connection')).toHaveText('connected');
  const file = join(served.home, 'from-terminal.pipeline.json');
  const node = { id: 'one', type: 'script.shell', params: { command: 'true' }, position: { x: 0, y: 0 } };
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'from terminal', nodes: [node], edges: [] }));
  const imported = spawnSync(process.execPath, [CLI, 'import', file], { env: { ...process.env, PIPEWRIGHT_HOME: served.home }, encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  await expect(page.getByTestId('pipeline-item').filter({ hasText: 'from terminal' })).toBeVisible();
});

test('refuses requests without the token and from a foreign origin', async ({ request, served }) => {
  const bare = `http://127.0.0.1:${served.port}/`;
  expect((await request.get(bare)).status()).toBe(401);
  expect((await request.get(served.url, { headers: { Origin: 'http://evil.example' } })).status()).toBe(403);
  expect((await request.get(served.url)).status()).toBe(200);
});
