// Helpers for the designer end-to-end specs: create a pipeline, find nodes, connect ports with the mouse.
import type { Locator, Page } from '@playwright/test';
import { expect } from './serve-fixture';

/** Creates an empty pipeline through the sidebar and waits for its canvas. */
export async function newPipeline(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const input = page.getByRole('textbox', { name: 'Name of the new pipeline' });
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', `Canvas of ${name}`);
}

export function flowNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** A typed port handle: `output:model` or `input:data` of node `id`. */
export function portHandle(page: Page, id: string, port: string): Locator {
  return flowNode(page, id).locator(`[data-port="${port}"]`);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a connection from one handle to another as a user does: press on the source, wait until the canvas shows the
 * connection line, move onto the target, wait until the target is highlighted, release. `whileOver` runs with the
 * pointer over the target, before release. A press that started no connection (the handle moved between measuring and
 * pressing: a node shrinks when validation removes its problem badge) is released and tried again once, as a user would.
 */
export async function dragConnection(page: Page, from: Locator, to: Locator, whileOver?: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const a = await centre(from);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 4, a.y + 4, { steps: 2 });
    const started = await page
      .locator('.react-flow__connectionline')
      .waitFor({ timeout: 2000 })
      .then(() => true, () => false);
    if (started || attempt === 2) break;
    await page.mouse.up();
  }
  // Over the target, the canvas highlights it; a node that moved meanwhile is found again on the next move.
  for (let move = 1; ; move++) {
    const b = await centre(to);
    await page.mouse.move(b.x, b.y + ((move - 1) % 2), { steps: move === 1 ? 8 : 1 });
    const over = await expect(to).toHaveClass(/connectingto/, { timeout: 1500 }).then(() => true, () => false);
    if (over || move === 3) break;
  }
  await whileOver?.();
  await page.mouse.up();
}

/** Drags a node by its header by (dx, dy) pixels. */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const header = flowNode(page, id).locator('.pw-node-header');
  const a = await centre(header);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + dx / 2, a.y + dy / 2, { steps: 4 });
  await page.mouse.move(a.x + dx, a.y + dy, { steps: 4 });
  await page.mouse.up();
}

/** Waits until the open pipeline's edits are in SQLite. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/** The code editor of a param (CodeMirror's content element, labelled by the field). */
export function codeEditor(page: Page, label: string): Locator {
  return page.getByTestId('inspector').getByRole('textbox', { name: label, exact: true });
}

/** Clicks empty canvas near the top middle (the corners hold the Export… and Run buttons), clearing the selection. */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: box.width / 2, y: 30 } });
}
