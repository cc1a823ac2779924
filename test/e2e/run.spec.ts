// Running in the web mode: press Run (and Ctrl+Enter), watch node states change on the canvas and logs stream in the
// run panel, see metrics and an artifact preview, cancel a long node, find the runs in the history (and delete one),
// resize the panel and wrap long lines, draw metric curves live, say what changed when a node runs again, run parts
// from a node's menu, follow a terminal's run, fit a small window, and chart or table the reports nodes write.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

const node = (id: string, command: string, x: number, extra: object = {}) => ({ id, type: 'script.shell', params: { command }, position: { x, y: 0 }, ...extra });

/** Opens the app and the stored pipeline `name` in the designer. */
async function openPipeline(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('pipeline-item').filter({ hasText: name }).getByRole('button').first().click();
}

/** Stores a pipeline in the served home through the CLI (the server sees it on its next list). */
function importPipeline(home: string, name: string, nodes: object[], edges: object[] = [], parameters: object[] = []): void {
  const file = join(home, `${name}.pipeline.json`);
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name, parameters, nodes, edges }));
  const result = spawnSync(process.execPath, [CLI, 'import', file], { env: { ...process.env, PIPEWRIGHT_HOME: home }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

/**
 * Runs a bundled template in a terminal (`pipewright import`, then `pipewright run`), opens it and its run panel — on
 * that latest run — and returns a function that shows a node's artifacts there.
 */
async function templateRunArtifacts(page: Page, served: { url: string; home: string }, file: string, name: string): Promise<(nodeId: string) => Promise<Locator>> {
  const template = fileURLToPath(new URL(`../../resources/templates/${file}`, import.meta.url));
  for (const args of [['import', template], ['run', name]]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, PIPEWRIGHT_HOME: served.home }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  }
  await openPipeline(page, served.url, name);
  await page.getByRole('button', { name: 'Runs ▴' }).click();
  const panel = page.getByTestId('run-panel');
  await expect(panel.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  return async (nodeId) => {
    await panel.getByTestId(`run-node-${nodeId}`).click();
    await panel.getByRole('tab', { name: 'Artifacts' }).click();
    return panel;
  };
}

test('run a pipeline: states change on the canvas, logs stream, metrics and artifacts show, history lists it and deletes a run', async ({ page, served }) => {
  importPipeline(
    served.home,
    'demo',
    [
      node('prepare', 'printf "name,score\\nada,3\\nbob,5\\n" > {{outputs.table}}; printf "\\033[32mready\\033[0m\\n"', 0, { outputs: [{ id: 'table', type: 'dataset' }] }),
      node('train', 'for i in $(seq 1 12); do echo "epoch $i"; sleep 0.15; done; echo "{\\"loss\\": 0.25}" > $PIPEWRIGHT_METRICS', 260, {
        inputs: [{ id: 'table', type: 'dataset' }],
      }),
    ],
    [{ id: 'e1', source: 'prepare', sourceHandle: 'table', target: 'train', targetHandle: 'table' }],
  );
  await openPipeline(page, served.url, 'demo');
  await expect(page.getByTestId('canvas')).toBeVisible();

  await page.getByRole('button', { name: '▶ Run' }).click();
  const trainBadge = page.getByTestId('run-badge-train');
  await expect(trainBadge).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('canvas').locator('.react-flow__node[data-id="train"]')).toHaveClass(/run-state-running/);
  await expect(page.getByTestId('run-badge-prepare')).toHaveAttribute('data-state', 'succeeded');

  // The panel follows the running node; its log grows while it runs.
  await page.getByTestId('run-node-train').click();
  const lines = page.getByTestId('log-lines');
  await expect(lines.locator('[data-line="0"]')).toContainText('epoch 1');
  await expect(lines.locator('[data-line="11"]')).toHaveCount(0);
  await expect(lines.locator('[data-line="11"]')).toContainText('epoch 12', { timeout: 15_000 });
  await expect(trainBadge).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('log-count')).toHaveText('12 lines');
  // The run panel's own small DAG must not resize the canvas's view: the canvas keeps its nodes at a readable size.
  await expect(page.getByTestId('run-dag').locator('.react-flow__node[data-id="train"]')).toBeVisible();
  const trainOnCanvas = await page.getByTestId('canvas').locator('.react-flow__node[data-id="train"]').boundingBox();
  expect(trainOnCanvas!.width).toBeGreaterThan(100);

  await page.getByRole('tab', { name: 'Cache & metrics' }).click();
  await expect(page.getByTestId('metrics')).toContainText('loss');
  await expect(page.getByTestId('cache-verdict')).toHaveText('Cache miss: this node has no cached result yet.');

  // Another node opens on the tab chosen last.
  await page.getByTestId('run-node-prepare').click();
  await expect(page.getByRole('tab', { name: 'Cache & metrics' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByTestId('log-lines').locator('span[style*="color"]')).toHaveText('ready');
  await page.getByRole('tab', { name: 'Artifacts' }).click();
  await expect(page.getByTestId('artifact-table').locator('table')).toContainText('ada');

  // Ctrl+Enter runs again: everything comes from the cache.
  await page.locator('body').press('Control+Enter');
  await expect(page.getByTestId('run-badge-train')).toHaveAttribute('data-state', 'cached');
  // What the cache saved: train's 12 epochs took over a second to make, and the panel says so for the run and the node.
  await expect(page.getByTestId('cache-saved')).toHaveText(/^cache saved \d+\.\d s$/);
  await expect(page.getByTestId('run-badge-train')).toHaveAttribute('title', /^train: .* — saved \d+\.\d s, the result of run \S+$/);
  await page.getByTestId('run-node-train').click();
  await expect(page.getByTestId('node-run')).toContainText(/saved \d+\.\d s/);
  // It wrote nothing in this run: the note points to the run that made its result, and no empty log view is shown.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByTestId('node-run')).toContainText('Served from the cache: its outputs come from run');
  await expect(page.getByTestId('log-lines')).toHaveCount(0);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-status', 'succeeded');

  // Open the first run from the history: its DAG as it ran, and a click on a canvas node shows that node's log.
  await page.getByTestId('run-row').last().click();
  await page.getByRole('tab', { name: 'Run' }).click();
  await expect(page.getByTestId('run-dag').locator('.react-flow__node[data-id="train"]')).toHaveClass(/run-state-succeeded/);
  await page.getByTestId('canvas').locator('.react-flow__node[data-id="prepare"]').click();
  await expect(page.getByTestId('node-run')).toHaveAttribute('data-node', 'prepare');
  await expect(page.getByTestId('log-lines')).toContainText('ready');

  // Delete the shown run from its history row: asked first; the row goes, and the run view with it.
  await page.getByRole('tab', { name: 'History' }).click();
  const shown = page.getByTestId('run-row').last();
  const shownId = (await shown.locator('td').nth(1).getAttribute('title'))!;
  // At the desktop window's default size the list fits the panel: Delete is in view, no sideways scrolling.
  const panelBox = (await page.getByTestId('run-panel').boundingBox())!;
  const deleteBox = (await shown.getByRole('button', { name: `Delete run ${shownId}` }).boundingBox())!;
  expect(deleteBox.x + deleteBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
  await shown.getByRole('button', { name: `Delete run ${shownId}` }).click();
  await page.getByRole('alertdialog', { name: `Delete run ${shownId}?` }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  // The run view goes with it; the panel shows the latest run left instead.
  await expect(page.getByTestId('run-panel')).not.toContainText(shownId);
  await expect(page.getByTestId('run-panel')).toContainText(`run ${await page.getByTestId('run-row').locator('td').nth(1).getAttribute('title')}`);
});

test("a regression's reports are shown: predicted against actual, residuals, the profile's table, the model's card", async ({ page, served }) => {
  const artifactsOf = await templateRunArtifacts(page, served, 'regression.pipeline.json', 'regression');
  const panel = await artifactsOf('evaluate');
  // The held-out quarter of the 442 diabetes rows, each a point; the residual histogram's bars count the same rows.
  await expect(panel.getByTestId('artifact-predicted')).toContainText('Predicted against actual (111 rows)');
  await expect(panel.getByTestId('artifact-residuals')).toContainText('residual (actual − predicted)');
  await expect(panel.getByTestId('artifact-roc')).toHaveCount(0);

  // The profile's report is a table of the dataset's columns, each with its distribution. Going to another node keeps
  // the tab: one click per node to go through their artifacts.
  await panel.getByTestId('run-node-profile').click();
  await expect(panel.getByRole('tab', { name: 'Artifacts' })).toHaveAttribute('aria-selected', 'true');
  const profile = panel.getByTestId('artifact-profile');
  await expect(profile.locator('tbody tr')).toHaveCount(11);
  await expect(profile.locator('tr[data-column="age"]')).toContainText(/^agenumber/);
  await expect(profile.locator('tr[data-column="age"] svg rect')).toHaveCount(10);

  // The trained model's folder has a card: what was fitted, to predict what, from which features, on how many rows.
  await panel.getByTestId('run-node-train').click();
  const card = panel.getByTestId('model-card');
  await expect(card).toContainText('linear-regression (regression)');
  await expect(card).toContainText('Predictsprogression');
  await expect(card).toContainText('Features10: age, sex, bmi');
  await expect(card).toContainText(/Trainedon 331 rows in/);
});

test('a drift report is a table of the compared columns with the verdict', async ({ page, served }) => {
  const artifactsOf = await templateRunArtifacts(page, served, 'drift-monitoring.pipeline.json', 'drift monitoring');
  const panel = await artifactsOf('drift');
  // Both halves of the same shuffled data: none of the 30 feature columns drifts.
  const table = panel.getByTestId('artifact-drift');
  await expect(table.locator('caption')).toHaveText('0 of 30 columns drifted, a share of 0 (0.5 or more fails): the data did not drift.');
  await expect(table.locator('tbody tr')).toHaveCount(30);
  await expect(table.locator('tr[data-flagged="true"]')).toHaveCount(0);
});

test('cancel a long node: its process is killed and the run ends canceled', async ({ page, served }) => {
  importPipeline(served.home, 'long', [node('wait', 'echo waiting; sleep 60', 0), node('after', 'echo never', 260)], [{ id: 'e', source: 'wait', target: 'after' }]);
  await openPipeline(page, served.url, 'long');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('run-badge-wait')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('log-lines')).toContainText('waiting');
  await page.getByRole('button', { name: '■ Cancel' }).click();
  await expect(page.getByTestId('run-badge-wait')).toHaveAttribute('data-state', 'canceled');
  await expect(page.getByTestId('run-badge-after')).toHaveAttribute('data-state', 'canceled');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'canceled');
  await expect(page.getByRole('button', { name: '■ Cancel' })).toHaveCount(0);
});

test('the run panel resizes by its top edge, with the mouse or the keyboard, keeps its height after a reload, and opens on the latest run', async ({ page, served }) => {
  importPipeline(served.home, 'sized', [node('only', 'echo hi', 0)]);
  await openPipeline(page, served.url, 'sized');
  await page.getByRole('button', { name: '▶ Run' }).click();
  const panel = page.getByTestId('run-panel');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  const before = (await panel.boundingBox())!;
  const divider = page.getByRole('separator', { name: 'Run panel height' });
  const grip = (await divider.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y - 120, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await panel.boundingBox())!.height - before.height)).toBeGreaterThan(115);
  // The canvas ends where the panel begins: nothing of it is hidden behind the panel.
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  expect(Math.abs(canvas.y + canvas.height - (await panel.boundingBox())!.y)).toBeLessThan(2);

  const share = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('ArrowDown');
  await expect(divider).toHaveAttribute('aria-valuenow', String(share - 5));
  await page.keyboard.press('End');
  await expect(divider).toHaveAttribute('aria-valuenow', '20');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');

  await page.reload();
  await page.getByRole('button', { name: 'Runs ▴' }).click();
  await expect(page.getByRole('separator', { name: 'Run panel height' })).toHaveAttribute('aria-valuenow', '30');
  // After the reload nothing was shown: the panel opens on the pipeline's latest run, its states on the canvas too.
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('run-badge-only')).toHaveAttribute('data-state', 'succeeded');
});

test('Wrap shows a long log line whole, on as many rows as it needs, without overlapping the next', async ({ page, served }) => {
  importPipeline(served.home, 'wide', [node('talk', "printf 'long %0400d end\\nshort\\n' 7", 0)]);
  await openPipeline(page, served.url, 'wide');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  const lines = page.getByTestId('log-lines');
  const [long, short] = [lines.locator('[data-line="0"]'), lines.locator('[data-line="1"]')];
  await expect(short).toHaveText('2short');
  expect((await long.boundingBox())!.height).toBe(18);
  expect(await lines.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await page.getByLabel('Wrap').check();
  await expect.poll(async () => (await long.boundingBox())!.height).toBeGreaterThan(36);
  const [a, b] = [(await long.boundingBox())!, (await short.boundingBox())!];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
  expect(await lines.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);

  await page.getByLabel('Wrap').uncheck();
  await expect.poll(async () => (await long.boundingBox())!.height).toBe(18);
  await expect.poll(async () => (await short.boundingBox())!.y - (await long.boundingBox())!.y).toBe(18);
});

test('a progress bar shows live on the node and under its log while its line is unfinished', async ({ page, served }) => {
  const bar = "echo epoch 1; for i in $(seq 1 40); do printf '\\rtraining %d/40' $i >&2; sleep 0.1; done; echo >&2; echo trained";
  importPipeline(served.home, 'progress', [node('train', bar, 0)]);
  await openPipeline(page, served.url, 'progress');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByTestId('run-badge-train').click();
  await expect(page.getByTestId('run-badge-train')).toContainText(/training \d+\/40/);
  await expect(page.getByTestId('log-in-progress')).toContainText(/training \d+\/40/);
  await expect(page.getByTestId('log-lines')).toContainText('epoch 1');
  await expect(page.getByTestId('run-badge-train')).toHaveAttribute('data-state', 'succeeded', { timeout: 15_000 });
  await expect(page.getByTestId('log-in-progress')).toHaveCount(0);
  await expect(page.getByTestId('log-lines')).toContainText('training 40/40');
  await expect(page.getByTestId('run-badge-train')).not.toContainText('training');
});

test('a node that runs again says what changed: the parameter edited in the inspector, from what to what', async ({ page, served }) => {
  importPipeline(served.home, 'trees', [node('fit', 'echo fitting {{params.trees}} trees', 0)], [], [{ name: 'trees', type: 'number', default: 100 }]);
  await openPipeline(page, served.url, 'trees');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  const trees = page.getByLabel('Default');
  await trees.fill('50');
  await trees.press('Tab');
  await expect(page.getByTestId('save-state')).toHaveText('saved · revision 2');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('log-lines')).toContainText('fitting 50 trees');
  await page.getByRole('tab', { name: 'Cache & metrics' }).click();
  await expect(page.getByTestId('cache-verdict')).toHaveText(
    'Cache miss: changed since the last cached result — params (command: "echo fitting 100 trees" → "echo fitting 50 trees").',
  );
  await expect(page.getByTestId('param-changes')).toHaveText('command: "echo fitting 100 trees" → "echo fitting 50 trees"');
});

test('metrics written step by step draw a curve while the node runs, and show on its badge', async ({ page, served }) => {
  // Three epochs, then the node waits for the test to have seen them live, then three more.
  const go = join(served.home, 'curve-go');
  const epochs = (steps: string) => `for i in ${steps}; do echo "{\\"step\\": $i, \\"loss\\": $((100 - i * 15))}" >> "$PIPEWRIGHT_METRICS"; done`;
  const command = `${epochs('0 1 2')}; while [ ! -f '${go}' ]; do sleep 0.1; done; ${epochs('3 4 5')}`;
  importPipeline(served.home, 'curve', [node('train', command, 0)]);
  await openPipeline(page, served.url, 'curve');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByTestId('run-node-train').click();
  await page.getByRole('tab', { name: 'Cache & metrics' }).click();
  const chart = page.getByTestId('metric-chart-loss');
  // Drawn while the node runs, and on its canvas badge too.
  await expect(chart).toHaveAttribute('aria-label', 'loss by step: 3 points, last 70');
  await expect(page.getByTestId('run-node-train')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('run-badge-train')).toContainText('loss 70 @ 2');
  writeFileSync(go, '');
  // Redrawn with the rest; the badge of the finished node shows no point.
  await expect(chart).toHaveAttribute('aria-label', 'loss by step: 6 points, last 25', { timeout: 15_000 });
  await expect(page.getByTestId('run-badge-train')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-badge-train')).not.toContainText('loss');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(page.getByTestId('metrics')).toContainText('25');
  // The stored run draws the same curve after a reload.
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await page.reload();
  await page.getByTestId('pipeline-item').filter({ hasText: 'curve' }).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Runs ▴' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByTestId('run-row').first().click();
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByTestId('run-node-train').click();
  await page.getByRole('tab', { name: 'Cache & metrics' }).click();
  await expect(page.getByTestId('metric-chart-loss')).toHaveAttribute('aria-label', 'loss by step: 6 points, last 25');
});

test("a node's context menu runs up to it or from it, and opens from the keyboard too", async ({ page, served }) => {
  importPipeline(served.home, 'menu', [node('a', 'echo ran a', 0), node('b', 'echo ran b', 260), node('c', 'echo ran c', 520)], [
    { id: 'e1', source: 'a', target: 'b' },
    { id: 'e2', source: 'b', target: 'c' },
  ]);
  await page.setViewportSize({ width: 1280, height: 820 });
  await openPipeline(page, served.url, 'menu');
  const canvasNode = (id: string) => page.getByTestId('canvas').locator(`.react-flow__node[data-id="${id}"]`);

  await canvasNode('b').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for b' });
  await expect(menu.getByRole('menuitem', { name: 'Show log' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'Run up to here' }).click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('run-node-b')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-node-a')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-node-c')).toHaveCount(0);

  // From the keyboard: Shift+F10 on the focused node, arrows, Enter. "Run from here" on c takes a and b from the cache.
  await canvasNode('c').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'Actions for c' }).getByRole('menuitem', { name: 'Run this node' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Run from here' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('run-node-c')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('run-node-b')).toHaveAttribute('data-state', 'cached');
  await expect(page.getByTestId('log-lines')).toContainText('ran c');
  // The log toolbar fits at the desktop window's default size: Download was cut off at the panel's edge.
  const bar = (await page.locator('.log-toolbar').boundingBox())!;
  const download = (await page.getByRole('button', { name: 'Download' }).boundingBox())!;
  expect(download.x + download.width).toBeLessThanOrEqual(bar.x + bar.width);

  // Escape closes the menu and gives the focus back to the node; Delete from the menu removes it.
  await canvasNode('a').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(canvasNode('a')).toBeFocused();
  await canvasNode('c').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(canvasNode('c')).toHaveCount(0);
});

test('a `pipewright run` in a terminal shows live in the open app, and Cancel there stops it', async ({ page, served }) => {
  const count = node('count', 'for i in $(seq 1 30); do echo "line $i"; sleep 0.1; done; sleep 60', 0);
  importPipeline(served.home, 'terminal', [count, node('after', 'echo never', 260)], [{ id: 'e', source: 'count', target: 'after' }]);
  await openPipeline(page, served.url, 'terminal');
  await expect(page.getByTestId('canvas')).toBeVisible();
  const terminal = spawn(process.execPath, [CLI, 'run', 'terminal'], { env: { ...process.env, PIPEWRIGHT_HOME: served.home }, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => terminal.once('exit', resolve));
  try {
    await expect(page.getByTestId('run-badge-count')).toHaveAttribute('data-state', 'running');
    await page.getByTestId('run-node-count').click();
    await expect(page.getByTestId('log-lines').locator('[data-line="0"]')).toContainText('line 1');
    await expect(page.getByTestId('log-lines').locator('[data-line="29"]')).toContainText('line 30', { timeout: 15_000 });
    await page.getByRole('button', { name: '■ Cancel' }).click();
    expect(await exited).toBe(1);
    await expect(page.getByTestId('run-badge-count')).toHaveAttribute('data-state', 'canceled');
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'canceled');
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-status', 'canceled');
  } finally {
    terminal.kill('SIGKILL');
  }
});

test.describe('in a small window (1024 × 700)', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('the side columns narrow and the run panel gives its small DAG up for the node list and the log', async ({ page, served }) => {
    importPipeline(served.home, 'small', [node('a', 'echo one; echo two; echo three', 0), node('b', 'echo b', 260)], [{ id: 'e', source: 'a', target: 'b' }]);
    await openPipeline(page, served.url, 'small');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
    expect(Math.round((await page.getByTestId('inspector').boundingBox())!.width)).toBe(280);
    // The canvas right above shows the states; below 640 px the panel's own DAG would leave the log one line.
    await expect(page.getByTestId('run-dag')).toBeHidden();
    await expect(page.getByTestId('run-node-b')).toBeVisible();
    await page.getByTestId('run-node-a').click();
    await expect(page.getByTestId('log-lines').locator('[data-line="2"]')).toBeInViewport();
  });
});
