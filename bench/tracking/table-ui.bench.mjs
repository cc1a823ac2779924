// Experiments table with 10,000 runs (issue 7): `pipewright serve` on a temp home filled with synthetic runs,
// Debian's Chromium through Playwright. Times opening the view until the first rows show, a filter typed until the
// table shows its result, and frame times while scrolling through every run. Baseline in the same browser: the same
// 10,000 rows as one plain (not virtualised) HTML table.
// Usage: node bench/tracking/table-ui.bench.mjs [--runs 10000]
/* global document, requestAnimationFrame -- these run inside the page, through page.evaluate */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { ensureCli, machine, markdownTable, ROOT, startServe } from '../runner/bench-utils.mjs';
import { insertSyntheticRuns } from './synthetic-runs.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' } } });
const count = Number(values.runs);
ensureCli();
if (spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--renderer'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const home = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
const cli = join(ROOT, 'bin/pipewright');
const env = { ...process.env, PIPEWRIGHT_HOME: home };
spawnSync(process.execPath, [cli, 'runs'], { env }); // creates the database with every migration
const db = new Database(join(home, 'pipewright.db'));
const ids = insertSyntheticRuns(db, { count });
const FILTER = 'accuracy > 0.85 and params.maxDepth = 12';
const { n: matching } = db
  .prepare(`SELECT count(*) AS n FROM runs r JOIN run_metric_values m ON m.run_id = r.id AND m.name = 'accuracy' WHERE m.value > 0.85 AND json_extract(r.params, '$.maxDepth') = 12`)
  .get();
db.close();

const { server, url } = await startServe(env);

/** Scrolls `selector` from top to bottom in 60 steps, one per frame; returns the frame intervals. */
async function scrollFrames(page, selector) {
  return page.evaluate(async (sel) => {
    const el = sel === 'window' ? document.scrollingElement : document.querySelector(sel);
    const frames = [];
    let last = performance.now();
    for (let step = 1; step <= 60; step++) {
      el.scrollTop = (el.scrollHeight * step) / 60;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  }, selector);
}

const p95 = (frames) => [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)];
const browser = await chromium.launch({ executablePath: process.env.PIPEWRIGHT_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  let t = performance.now();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  await page.locator(`[data-run="${ids.at(-1)}"]`).waitFor();
  const openMs = performance.now() - t;
  const domRows = await page.getByTestId('experiment-row').count();

  await page.getByLabel('Filter').fill(FILTER);
  t = performance.now();
  // Enter applies the filter at once (typing alone applies it after a 300 ms pause).
  await page.getByLabel('Filter').press('Enter');
  await page.getByTestId('table-count').filter({ hasText: new RegExp(`^${matching} runs`) }).waitFor();
  const filterMs = performance.now() - t;
  const sqlMs = Number(/· ([\d.]+) ms/.exec(await page.getByTestId('table-count').textContent())[1]);
  await page.getByLabel('Filter').fill('');
  await page.getByTestId('table-count').filter({ hasText: `${count} runs` }).waitFor();
  const frames = await scrollFrames(page, '[data-testid="runs-table"]');
  await page.locator(`[data-run="${ids[0]}"]`).waitFor();

  // Baseline: every row in the DOM, as a naive table would render them.
  const plain = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const rows = ids.map((id, i) => `<tr><td>${id}</td><td>succeeded</td><td>pipeline-${i % 5}</td><td>r1</td><td>2026-01-01</td><td>1.2 s</td><td>0.9${i % 10}</td><td>${i % 12}</td><td>owner=ana</td><td>note ${i}</td></tr>`).join('');
  t = performance.now();
  await plain.setContent(`<table>${rows}</table>`);
  await plain.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const plainOpenMs = performance.now() - t;
  const plainFrames = await scrollFrames(plain, 'window');

  console.log(`# experiments table UI — ${machine()}; ${count.toLocaleString('en')} runs\n`);
  console.log(
    markdownTable(
      ['', 'Experiments table (virtualised)', 'plain table, all rows (baseline)', 'ratio'],
      [
        ['open until the newest run shows, ms', openMs.toFixed(0), plainOpenMs.toFixed(0), `${(plainOpenMs / openMs).toFixed(1)}× faster`],
        ['rows in the DOM', domRows, count, ''],
        ['scroll top → bottom, frame p95 ms', p95(frames).toFixed(1), p95(plainFrames).toFixed(1), `${(p95(plainFrames) / p95(frames)).toFixed(1)}×`],
        ['filter applied (Enter) → result shown, ms', filterMs.toFixed(0), '—', ''],
        ['  of which SQLite (count + page), ms', sqlMs.toFixed(1), '—', sqlMs < 100 ? 'target < 100 ms met' : 'target < 100 ms missed'],
      ],
    ),
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
