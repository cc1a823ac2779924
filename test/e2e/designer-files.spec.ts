// Designer end-to-end: import (button and drop), byte-identical export, revision history with restore, templates.
import { readFileSync } from 'node:fs';
import { fixturePath } from '../support/fixtures';
import { dragNode, expectSaved, flowNode } from './designer-helpers';
import { expect, test } from './serve-fixture';

test.use({ viewport: { width: 1400, height: 900 } });

const HELLO = fixturePath('pipelines/hello.pipeline.json');

test('import a file, export it byte-identically, import by dropping a YAML file', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('import-file').setInputFiles(HELLO);
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of hello');
  await expect(flowNode(page, 'write')).toContainText('Write greeting');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hello.pipeline.json');
  expect(readFileSync(await file.path(), 'utf8')).toBe(readFileSync(HELLO, 'utf8'));

  // Drop a YAML file on the window.
  const yaml = 'schemaVersion: 1\nname: dropped\nnodes:\n  - id: only\n    type: script.shell\n    params: { command: "true" }\n    position: { x: 0, y: 0 }\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.pipeline.yaml', { type: 'application/yaml' }));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, yaml);
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of dropped');
  // A node without a label is named by its id (as in the run panel and the logs), its type under it.
  await expect(flowNode(page, 'only').locator('.pw-node-label')).toHaveText('only');
  await expect(flowNode(page, 'only').locator('.pw-node-type')).toHaveText('Shell command');

  // A broken file is refused with the parser's reason, and nothing is created.
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "name": "x", "nodes": [') });
  await expect(page.getByRole('alert')).toContainText('broken.json is not valid JSON');
  await expect(page.getByTestId('pipeline-item')).toHaveCount(2);
});

test('restore an earlier revision from the history, then undo the restore', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('import-file').setInputFiles(HELLO);
  await expect(flowNode(page, 'read')).toBeVisible();

  await flowNode(page, 'read').click();
  await page.getByTestId('inspector').getByRole('textbox', { name: 'Label', exact: true }).fill('Renamed step');
  await expectSaved(page);
  await dragNode(page, 'read', 0, 160);
  await expectSaved(page);

  await page.getByRole('tab', { name: 'Revisions' }).click();
  const revisions = page.getByTestId('revisions-list');
  await expect(revisions.locator('li')).toHaveCount(3);
  await expect(revisions.locator('li').last()).toContainText('import of hello.pipeline.json');
  await revisions.getByRole('button', { name: 'Restore revision 1' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();

  await expect(flowNode(page, 'read')).toContainText('Read greeting');
  await expect(revisions.locator('li')).toHaveCount(4);
  await expect(revisions.locator('li').first()).toContainText('restore of 1');
  // Revision 1 has both nodes on one row; the drag had moved "read" down.
  await expect.poll(async () => (await flowNode(page, 'read').boundingBox())?.y).toBe((await flowNode(page, 'write').boundingBox())?.y);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(flowNode(page, 'read')).toContainText('Renamed step');
  await expectSaved(page);
  await page.reload();
  await expect(flowNode(page, 'read')).toContainText('Renamed step');
});

test('create pipelines from templates', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'New from template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline from a template' });
  for (const name of ['tabular classification', 'regression', 'python script', 'drift monitoring', 'shell steps']) {
    await expect(dialog.getByRole('button', { name: `Create from template ${name}`, exact: true })).toBeEnabled();
  }
  await dialog.getByRole('button', { name: 'Create from template shell steps' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of shell steps');
  for (const id of ['fetch', 'filter', 'summarise']) await expect(flowNode(page, id)).toBeVisible();
  await expect(page.locator('.react-flow__node-note')).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText('0');

  // A second pipeline from the same template gets a unique name.
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('button', { name: 'Create from template shell steps' }).click();
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of shell steps (2)');

  // The classification template: CSV → validate → split → train → evaluate → gate → register → serve, no problems.
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('button', { name: 'Create from template tabular classification' }).click();
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of tabular classification');
  await expect(page.locator('.react-flow__node-pipeline')).toHaveCount(8);
  await expect(page.getByTestId('problem-count')).toHaveText('0');
});

test('the empty canvas offers a template, an empty pipeline and an import', async ({ page, served }) => {
  await page.goto(served.url);
  const empty = page.getByTestId('canvas-empty');
  await expect(empty).toContainText('Start your first pipeline');
  await empty.getByRole('button', { name: 'From a template…' }).click();
  await expect(page.getByRole('dialog', { name: 'New pipeline from a template' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('import-file-empty').setInputFiles(HELLO);
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of hello');
  await page.getByTestId('pipeline-item').hover();
  await page.getByRole('button', { name: 'Delete hello' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(empty).toContainText('Start your first pipeline');

  // "Empty pipeline" opens the sidebar's name field, focused, as "+ New" does.
  await empty.getByRole('button', { name: 'Empty pipeline' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the new pipeline' });
  await expect(name).toBeFocused();
  await name.fill('from the empty canvas');
  await name.press('Enter');
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of from the empty canvas');
});
