// Canvas benchmark: open, pan, node drag and param-edit figures for generated pipelines of 0 (baseline), 100, 1,000
// and 3,000 nodes in Debian's Chromium against `pipewright serve`. Prints a Markdown table; see bench/README.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { startServe } from '../../test/e2e/serve-fixture';
import { generatePipeline, generatedPipelineFile } from './generate-pipeline';
import { emptyPanePoint, measureOpen, measureParamEdit, startFrames, stopFrames } from './page-probes';

const SIZES = (process.env['BENCH_SIZES'] ?? '0,100,1000,3000').split(',').map(Number);
const GESTURE_STEPS = 90;
const EDITS = 20;

/** Frame statistics of one gesture: frames per second at the median interval, and the 95th-percentile interval. */
interface Motion {
  fps: number;
  p95Ms: number;
}

interface Row {
  nodes: number;
  edges: number;
  openMs: number;
  /** Pan and node drag with the whole pipeline in view (every node drawn), and at 100 % zoom. */
  panFit: Motion;
  dragFit: Motion;
  /** The same drag with a 60 Hz mouse: moves every 16 ms whether or not the page has drawn the last one. */
  dragFitPaced: Motion;
  pan100: Motion;
  drag100: Motion;
  editCommitMs: number;
  editFrameMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fps = (intervalMs: number) => Math.round(1000 / intervalMs);

test('canvas speed at 0, 100, 1,000 and 3,000 nodes', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
  const served = await startServe(home);
  const rows: Row[] = [];
  try {
    await page.goto(served.url);
    for (const n of SIZES) {
      const file = join(home, `bench-${n}.pipeline.json`);
      writeFileSync(file, generatedPipelineFile(n));
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('canvas').waitFor();
      await page.locator(`[data-testid="pipeline-item"][data-name="bench-${n}"]`).waitFor();
    }
    // Open from another pipeline each time, as a user switching pipelines would.
    await page.getByRole('button', { name: 'New pipeline' }).click();
    await page.getByRole('textbox', { name: 'Name of the new pipeline' }).fill('start');
    await page.keyboard.press('Enter');
    for (const n of SIZES) rows.push(await measureSize(page, n));
  } finally {
    served.child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
  console.log(table(rows));
});

async function measureSize(page: Page, n: number): Promise<Row> {
  const edges = generatePipeline(n).edges.length;
  await page.locator('[data-testid="pipeline-item"][data-name="start"] .pipeline-open').click();
  await page.getByTestId('canvas').and(page.locator('[aria-label="Canvas of start"]')).waitFor();
  const openMs = await measureOpen(page, `bench-${n}`, n, edges);

  const panFit = await panGesture(page);
  const dragFit = await dragGesture(page, n);
  const dragFitPaced = await dragGesture(page, n, true);
  await zoomTo100(page);
  const pan100 = await panGesture(page);
  const drag100 = await dragGesture(page, n);

  // Param edit: select a node, then type into its Image field.
  let commits: number[] = [NaN];
  let frames: number[] = [NaN];
  if (n > 0) {
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.querySelector('.react-flow__node-pipeline') as HTMLElement).click());
    await page.getByTestId('inspector').getByText('Image', { exact: true }).waitFor();
    const results = [];
    for (let i = 0; i < EDITS; i++) results.push(await measureParamEdit(page, 'Image', `debian:12-slim-${i}`));
    commits = results.map((r) => r.commit);
    frames = results.map((r) => r.frame);
  }
  return {
    nodes: n,
    edges,
    openMs: Math.round(openMs),
    panFit,
    dragFit,
    dragFitPaced,
    pan100,
    drag100,
    editCommitMs: Number(median(commits).toFixed(1)),
    editFrameMs: Number(median(frames).toFixed(1)),
  };
}

/** Pans by dragging the empty pane. */
async function panGesture(page: Page): Promise<Motion> {
  return gesture(page, await emptyPanePoint(page), { x: 300, y: 200 });
}

/** Drags the node nearest the middle of the view (none for the empty baseline). */
async function dragGesture(page: Page, n: number, paced = false): Promise<Motion> {
  if (n === 0) return { fps: NaN, p95Ms: NaN };
  // Nodes that just came into view may still be mounting: wait for one near the middle.
  const handle = await page.waitForFunction(
    () => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      let best: DOMRect | null = null;
      for (const el of document.querySelectorAll('.react-flow__node-pipeline .pw-node-header')) {
        const r = el.getBoundingClientRect();
        const inside = r.left > pane.left && r.right < pane.right && r.top > pane.top && r.bottom < pane.bottom;
        if (inside && (!best || Math.hypot(r.x - cx, r.y - cy) < Math.hypot(best.x - cx, best.y - cy))) best = r;
      }
      return best && { x: best.x + best.width / 2, y: best.y + best.height / 2 };
    },
    null,
    { timeout: 60_000 },
  );
  const box = (await handle.jsonValue())!;
  return gesture(page, box, { x: 200, y: 120 }, paced);
}

/** Fits the pipeline in view again (the pan moved it), then zooms in on the middle until the view is at about 100 %. */
async function zoomTo100(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(500);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 40 && (await zoom(page)) < 0.95; i++) await page.mouse.wheel(0, -200);
  await page.waitForTimeout(300);
}

function zoom(page: Page): Promise<number> {
  return page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
}

/**
 * A scripted mouse drag of `by` pixels in GESTURE_STEPS moves; returns frame-interval statistics. Each move waits for
 * the next frame, or with `paced` moves come every 16 ms like a real mouse (Chromium coalesces those it could not
 * draw yet), so the page gets no idle frames between moves.
 */
async function gesture(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, paced = false): Promise<Motion> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  const sent: Promise<void>[] = [];
  for (let i = 1; i <= GESTURE_STEPS; i++) {
    const move = page.mouse.move(from.x + (by.x * i) / GESTURE_STEPS, from.y + (by.y * i) / GESTURE_STEPS);
    if (paced) {
      sent.push(move);
      await new Promise((r) => setTimeout(r, 16));
    } else {
      await move;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    }
  }
  await Promise.all(sent);
  if (paced) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const stats = await stopFrames(page);
  await page.mouse.up();
  return { fps: fps(stats.median), p95Ms: Math.round(stats.p95) };
}

/** The Markdown table; fps columns also show the ratio to the empty-canvas baseline (the machine's frame ceiling). */
function table(rows: Row[]): string {
  const base = rows.find((r) => r.nodes === 0);
  const motion = (m: Motion, of: Motion | undefined) =>
    Number.isNaN(m.fps) ? '—' : `${m.fps}${of && !Number.isNaN(of.fps) ? ` (${(m.fps / of.fps).toFixed(2)}×)` : ''}, p95 ${m.p95Ms} ms`;
  const lines = [
    '| nodes | edges | open → interactive | pan fps, all in view | drag fps, all in view | drag fps, all in view, 60 Hz mouse | pan fps, 100 % | drag fps, 100 % | param edit commit | edit → next frame |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      [
        r.nodes,
        r.edges,
        `${r.openMs} ms`,
        motion(r.panFit, base?.panFit),
        motion(r.dragFit, undefined),
        motion(r.dragFitPaced, undefined),
        motion(r.pan100, base?.pan100),
        motion(r.drag100, undefined),
        r.nodes === 0 ? '—' : `${r.editCommitMs} ms`,
        r.nodes === 0 ? '—' : `${r.editFrameMs} ms`,
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  return lines.join('\n');
}
