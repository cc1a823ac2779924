// In-page measurements for the canvas benchmark (performance.now and requestAnimationFrame, run inside Chromium).
import type { Page } from '@playwright/test';

/** Opens pipeline `name` from the sidebar; resolves to ms until every node and edge is drawn, measured and painted. */
export function measureOpen(page: Page, name: string, nodes: number, edges: number): Promise<number> {
  return page.evaluate(
    async ({ name, nodes, edges }) => {
      const item = [...document.querySelectorAll<HTMLElement>('[data-testid="pipeline-item"]')].find((el) => el.dataset['name'] === name)!;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
      // React Flow's edge elements, or at far zoom the segments of the simplified edge layer (FarEdges).
      const edgesDrawn = () =>
        document.querySelectorAll('.react-flow__edge').length +
        [...document.querySelectorAll('[data-testid="far-edges"] path')].reduce((sum, p) => sum + (p.getAttribute('d')?.split('M').length ?? 1) - 1, 0);
      const started = performance.now();
      item.querySelector<HTMLButtonElement>('.pipeline-open')!.click();
      for (;;) {
        await frame();
        if (performance.now() - started > 60_000) throw new Error(`${name} did not finish drawing within 60 s`);
        const drawn = document.querySelectorAll<HTMLElement>('.react-flow__node-pipeline');
        const ready =
          drawn.length >= nodes &&
          edgesDrawn() >= edges &&
          [...drawn].every((el) => el.style.visibility !== 'hidden');
        if (ready) break;
      }
      await frame(); // the frame that shows it
      return performance.now() - started;
    },
    { name, nodes, edges },
  );
}

/** Starts recording frame times in the page. */
export function startFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording; returns the median and 95th-percentile frame intervals in ms. */
export function stopFrames(page: Page): Promise<{ median: number; p95: number; frames: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    const gaps = w.__frames.slice(1).map((t, i) => t - w.__frames[i]!).sort((a, b) => a - b);
    const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? NaN;
    return { median: at(0.5), p95: at(0.95), frames: gaps.length };
  });
}

/** A point over the pane or an edge (not a node), so a drag there pans the view. */
export function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const rect = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let fy = 0.1; fy < 0.9; fy += 0.01) {
      for (let fx = 0.1; fx < 0.9; fx += 0.01) {
        const x = rect.left + rect.width * fx;
        const y = rect.top + rect.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane') || hit?.closest('.react-flow__edge')) return { x, y };
      }
    }
    throw new Error('no empty spot on the canvas');
  });
}

/**
 * Types into a param field through a real input event; resolves to ms until React has committed the change (the
 * store update, validation scheduling and re-render), and to the next painted frame.
 */
export function measureParamEdit(page: Page, label: string, value: string): Promise<{ commit: number; frame: number }> {
  return page.evaluate(
    async ({ label, value }) => {
      const field = [...document.querySelectorAll<HTMLLabelElement>('[data-testid="inspector"] label')].find((l) => l.textContent?.trim() === label)!;
      const input = document.getElementById(field.htmlFor) as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const started = performance.now();
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React flushes the discrete update in a microtask queued during dispatch; ours runs after it.
      await new Promise<void>((r) => queueMicrotask(r));
      const committed = performance.now();
      if (input.value !== value) throw new Error('the edit did not reach the field');
      await new Promise((r) => requestAnimationFrame(r));
      return { commit: committed - started, frame: performance.now() - started };
    },
    { label, value },
  );
}
