// Experiments view end to end in the web mode: a sweep of 4 started from the UI, its best run highlighted, the
// comparison with the best run marked, the HTML report exported and opened in Chromium with no network; the runs
// table with the filter language (inline errors), sorting, pinning, hiding, tags, choices kept across a reload;
// deleting runs (asked first); and 10,000 runs staying virtualised.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { insertSyntheticRuns } from '../../bench/tracking/synthetic-runs.mjs';
import { sweepable } from '../support/sweepable-pipeline';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Served } from './serve-fixture';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

function cli(home: string, args: string[]): void {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, PIPEWRIGHT_HOME: home }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

function importSweepable(home: string): void {
  const file = join(home, 'sweepable.pipeline.json');
  writeFileSync(file, JSON.stringify(sweepable()));
  cli(home, ['import', file]);
}

/** Three runs of a sweep (depth 1, 2, 3) and the page on the Experiments table listing them; returns its rows. */
async function threeRunsTable(page: Page, served: Served): Promise<Locator> {
  importSweepable(served.home);
  cli(served.home, ['run', 'sweepable', '--sweep', 'depth=1,2,3']);
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  const rows = page.getByTestId('experiment-row');
  await expect(rows).toHaveCount(3);
  return rows;
}

test('sweep of 4 from the UI → best run highlighted → comparison → HTML report opens in Chromium', async ({ page, served, context }) => {
  importSweepable(served.home);
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('tablist', { name: 'Experiments' }).getByRole('tab', { name: 'Sweeps' }).click();

  const form = page.getByRole('form', { name: 'New sweep' });
  await form.getByLabel('Sweep pipeline').selectOption({ label: 'sweepable' });
  await form.getByLabel('Swept parameters').fill('depth=1,2,3,4');
  await form.getByLabel('Runs at once').fill('2');
  await form.getByRole('button', { name: 'Start sweep' }).click();

  const detail = page.getByTestId('sweep-detail');
  await expect(detail).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await expect(page.getByTestId('sweep-progress')).toHaveText('4/4 runs · finished');
  const rows = detail.getByTestId('sweep-run');
  await expect(rows).toHaveCount(4);
  const best = rows.and(page.locator('[data-best="true"]'));
  await expect(best).toHaveCount(1);
  await expect(best).toContainText('4');
  await expect(best).toContainText('0.7');
  const bestRunId = (await page.getByTestId('sweep-best').textContent())!.trim();
  await expect(page.getByTestId('sweep-chart').locator('svg')).toBeVisible();
  // Plot by loss instead: lower is better, and the deepest run is still the best.
  await detail.getByLabel('Sweep metric').selectOption('loss');
  await expect(detail.locator('.sweep-best-line')).toContainText(`(lowest): ${bestRunId}`);
  await detail.getByLabel('Sweep metric').selectOption('accuracy');

  await detail.getByRole('button', { name: 'Compare runs' }).click();
  const compare = page.getByTestId('compare-view');
  await expect(compare.getByRole('heading', { name: 'Comparing 4 runs' })).toBeVisible();
  const bestRow = compare.getByTestId('compared-run').and(page.locator('[data-best="true"]'));
  await expect(bestRow).toHaveAttribute('data-run', bestRunId);
  await expect(bestRow).toContainText('★ best by accuracy');
  await expect(compare.getByTestId('param-row').filter({ hasText: 'depth' })).toHaveAttribute('data-differs', 'true');
  await expect(compare.getByTestId('param-row').filter({ hasText: 'rows' })).toHaveAttribute('data-differs', 'false');
  // "Differences only" leaves out what every run has the same value of, and says so.
  await compare.getByLabel('Differences only').check();
  await expect(compare.getByTestId('param-row')).toHaveText(['depth1234']);
  await expect(compare.getByText('1 with the same value in every run left out.')).toBeVisible();
  await compare.getByLabel('Differences only').uncheck();
  await expect(compare.getByTestId('param-row')).toHaveCount(2);
  await expect(compare.getByTestId('metric-row').and(page.locator('[data-metric="accuracy"]')).locator('td[data-best="true"]')).toContainText('0.7');
  await expect(compare.getByTestId('chart-metric-accuracy').locator('svg')).toBeVisible();
  await expect(compare.getByTestId('revision-diffs')).toContainText('Same graph and node params.');

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export HTML report' }).click();
  const file = join(served.home, 'report.html');
  await (await download).saveAs(file);

  // Open the saved file in Chromium: everything it shows must come from the file itself.
  const report = await context.newPage();
  const fetched: string[] = [];
  report.on('request', (request) => {
    if (!request.url().startsWith('file:')) fetched.push(request.url());
  });
  await report.goto(pathToFileURL(file).href);
  await expect(report).toHaveTitle('Comparison of 4 runs — sweepable');
  await expect(report.locator(`[data-best-run="${bestRunId}"]`)).toBeVisible();
  await expect(report.locator('figure[data-chart="metric-accuracy"] svg')).toBeVisible();
  await expect(report.locator('figure[data-chart="durations"] svg')).toBeVisible();
  await expect(report.getByRole('table', { name: 'Parameters' }).locator('td.differs')).toHaveCount(4);
  await expect(report.locator('script')).toHaveCount(0);
  expect(fetched).toEqual([]);

  // After a restart the Sweeps tab opens on the newest sweep, not on an empty pane.
  await page.reload();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.getByRole('tablist', { name: 'Experiments' }).getByRole('tab', { name: 'Sweeps' }).click();
  await expect(page.getByTestId('sweep-detail')).toHaveAttribute('data-status', 'finished');
  await expect(page.getByTestId('sweep-best')).toHaveText(bestRunId);
});

test('runs table: filter language with inline errors, sort, pin, tags, hide; choices kept after a reload', async ({ page, served }) => {
  const rows = await threeRunsTable(page, served);

  // Show the accuracy metric and the depth param as columns.
  await page.getByRole('button', { name: 'Columns…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByLabel('accuracy').check();
  await chooser.getByLabel('params.depth').check();
  await chooser.getByRole('button', { name: 'Done' }).click();
  const header = page.getByRole('columnheader', { name: /^accuracy/ });
  await expect(header).toBeVisible();
  // A param's prefix sits above its name: the name shows whole in the narrow column (it was cut to "params.…").
  const depth = page.getByRole('columnheader', { name: /^params\.depth/ }).locator('.column-name');
  await expect(depth).toHaveText('depth');
  expect(await depth.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

  // A filter with a syntax error says so under the box and keeps the rows; a valid one narrows them.
  const filter = page.getByLabel('Filter');
  await filter.fill('accuracy >');
  await expect(page.getByTestId('filter-error')).toContainText('cannot read the filter');
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(3);
  await filter.fill('accuracy > 0.56 and params.depth <= 3');
  await expect(page.getByTestId('filter-error')).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await filter.fill('accurcy > 0.5');
  await expect(page.getByTestId('filter-unknown')).toHaveText('no run has metric accurcy');
  await filter.fill('');
  await expect(rows).toHaveCount(3);

  // Sort by accuracy (descending, then ascending).
  await header.getByRole('button', { name: /^accuracy( [▲▼])?$/ }).click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('[data-column="metric:accuracy"]')).toHaveText('0.65');
  await header.getByRole('button', { name: /^accuracy( [▲▼])?$/ }).click();
  await expect(rows.first().locator('[data-column="metric:accuracy"]')).toHaveText('0.55');

  // Pin accuracy: it moves next to the run column and stays put (sticky).
  await header.getByRole('button', { name: 'Pin accuracy' }).click();
  await expect(page.getByRole('columnheader').nth(1)).toHaveAttribute('data-column', 'metric:accuracy');
  await expect(rows.first().locator('[data-column="metric:accuracy"]')).toHaveCSS('position', 'sticky');

  // Tag the best run and note it in the details; hide the worst.
  const best = rows.filter({ has: page.locator('[data-column="metric:accuracy"]', { hasText: '0.65' }) });
  await best.click();
  const details = page.getByTestId('run-details');
  // Its overview: status, timing, what started it, and every param and metric without choosing columns.
  const overview = details.getByTestId('run-overview');
  await expect(overview).toContainText('Statussucceeded');
  await expect(overview).toContainText(/Started.* by cli/);
  await expect(details.getByTestId('run-params')).toHaveText('depth3rows3');
  await expect(details.getByTestId('run-metrics')).toHaveText('accuracy0.65loss0.3333');
  await details.getByLabel('Add tag').fill('owner=ana');
  await details.getByLabel('Add tag').press('Enter');
  await expect(details.getByTestId('tag-chip')).toHaveText(/owner=ana/);
  await details.getByLabel('Note').fill('deepest trees win');
  await details.getByLabel('Note').blur();
  await expect(best.locator('[data-column="column:note"]')).toHaveText('deepest trees win');
  await expect(details.getByTestId('lineage-revision')).toHaveText('sweepable revision 1');
  await page.getByLabel('Search runs').fill('deepest');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Search runs').fill('');
  await expect(rows).toHaveCount(3);
  const worst = rows.filter({ has: page.locator('[data-column="metric:accuracy"]', { hasText: '0.55' }) });
  await worst.getByRole('checkbox').check();
  await page.getByRole('group', { name: 'Selected runs' }).getByRole('button', { name: 'Hide' }).click();
  await expect(rows).toHaveCount(2);
  await filter.fill("tags.owner = 'ana'");
  await expect(rows).toHaveCount(1);

  // Reload: columns, pin, sort and filter are as the user left them.
  await page.reload();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await expect(page.getByLabel('Filter')).toHaveValue("tags.owner = 'ana'");
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('columnheader').nth(1)).toHaveAttribute('data-column', 'metric:accuracy');
  await expect(page.getByRole('columnheader', { name: /^accuracy/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByLabel('Filter').fill('');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Show hidden').check();
  await expect(rows).toHaveCount(3);
});

test('delete runs: asks first, then the rows, their folders and their history go', async ({ page, served }) => {
  const rows = await threeRunsTable(page, served);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  const selection = page.getByRole('group', { name: 'Selected runs' });
  const question = page.getByRole('alertdialog', { name: 'Delete 2 runs?' });

  // Escape keeps everything.
  await selection.getByRole('button', { name: 'Delete…' }).click();
  await expect(question).toContainText('This cannot be undone.');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(rows).toHaveCount(3);
  expect(readdirSync(join(served.home, 'artifacts'))).toHaveLength(3);

  await selection.getByRole('button', { name: 'Delete…' }).click();
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^deleted 2 runs, freed / })).toBeVisible();
  await expect(selection).toHaveCount(0);
  expect(readdirSync(join(served.home, 'artifacts'))).toHaveLength(1);

  // The last one from its details panel.
  await rows.first().click();
  await page.getByTestId('run-details').getByRole('button', { name: 'Delete run…' }).click();
  await page.getByRole('alertdialog', { name: /^Delete run \S+\?$/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('run-details')).toHaveCount(0);
  expect(readdirSync(join(served.home, 'artifacts'))).toEqual([]);
});

test('10,000 runs: the table stays virtualised, filters in SQLite and scrolls to the last run', async ({ page, served }) => {
  const db = new Database(join(served.home, 'pipewright.db'));
  const ids = insertSyntheticRuns(db, { count: 10_000 });
  // What the filter below must find, counted here independently of the app's query.
  const { n: matching } = db
    .prepare(`SELECT count(*) AS n FROM runs r JOIN run_metric_values m ON m.run_id = r.id AND m.name = 'accuracy' WHERE m.value > 0.85 AND json_extract(r.params, '$.maxDepth') = 12`)
    .get() as { n: number };
  db.close();
  expect(matching).toBeGreaterThan(100);
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await expect(page.getByTestId('table-count')).toContainText('10000 runs');
  const table = page.getByTestId('runs-table');
  await expect(table).toHaveAttribute('aria-rowcount', '10000');
  const rendered = await page.getByTestId('experiment-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator(`[data-run="${ids[0]}"]`)).toBeVisible();
  expect(await page.getByTestId('experiment-row').count()).toBeLessThan(80);

  await page.getByLabel('Filter').fill('accuracy > 0.85 and params.maxDepth = 12');
  await expect(page.getByTestId('table-count')).toHaveText(new RegExp(`^${matching} runs · [\\d.]+ ms$`));
  const ms = Number(/· ([\d.]+) ms/.exec((await page.getByTestId('table-count').textContent())!)![1]);
  expect(ms).toBeLessThan(100);
});

test("a failed run's status, details and history row say which node failed and why", async ({ page, served }) => {
  importSweepable(served.home);
  const result = spawnSync(process.execPath, [CLI, 'run', 'sweepable', '--param', 'depth=0'], { env: { ...process.env, PIPEWRIGHT_HOME: served.home }, encoding: 'utf8' });
  expect(result.status).toBe(1);
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Experiments' }).click();
  const row = page.getByTestId('experiment-row').first();
  await expect(row.locator('[data-column="column:status"]')).toHaveAttribute('title', 'failed: node evaluate failed: exited with code 3: depth must be positive');
  await row.click();
  await expect(page.getByTestId('run-details').getByTestId('run-error')).toHaveText('node evaluate failed: exited with code 3: depth must be positive');
  // The designer's run history says it too, on the run's status.
  await page.getByTestId('run-details').getByRole('button', { name: 'Open in the designer' }).click();
  // The node's badge has room for about 30 characters: it shows what the node said, its tooltip the whole error.
  const badge = page.getByTestId('run-badge-evaluate');
  await expect(badge).toHaveAttribute('data-state', 'failed');
  await expect(badge.locator('.run-badge-detail')).toHaveText('depth must be positive');
  await expect(badge).toHaveAttribute('title', 'evaluate: failed — exited with code 3: depth must be positive');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('run-row').first().getByRole('button', { name: /\(failed\)$/ })).toHaveAttribute(
    'title',
    'node evaluate failed: exited with code 3: depth must be positive',
  );
});
