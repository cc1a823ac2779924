// Designer end-to-end: the far-zoom level of detail. Zoomed out, nodes are plain boxes that keep their names,
// selection and problem badges, and edges are one simplified layer; zoomed back in, handles return and still connect.
import type { Page } from '@playwright/test';
import { serializePipeline } from '../../shared/pipeline/pipeline-file';
import type { Pipeline, PipelineNode } from '../../shared/pipeline/pipeline.schema';
import { dragConnection, flowNode, portHandle } from './designer-helpers';
import { expect, test } from './serve-fixture';

test.use({ viewport: { width: 1400, height: 900 } });

const shell = (id: string, x: number, y: number, command = `echo ${id}`): PipelineNode => ({
  id,
  type: 'script.shell',
  label: `Step ${id}`,
  params: command ? { command } : {},
  inputs: [{ id: 'in', type: 'dataset', multiple: true, optional: true }],
  outputs: [{ id: 'out', type: 'dataset' }],
  position: { x, y },
});

// Node z is far to the right, so the pipeline opens fitted at far zoom (its nodes mount without handles); it has no
// command, so it carries a problem badge.
const pipeline: Pipeline = {
  schemaVersion: 1,
  name: 'zoom',
  parameters: [],
  nodes: [shell('a', 0, 0), shell('b', 300, 0), shell('d', 300, 200), shell('z', 4000, 0, '')],
  edges: [{ id: 'ab', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' }],
};

async function zoomUntil(page: Page, button: 'zoomin' | 'zoomout', far: boolean): Promise<void> {
  const canvas = page.getByTestId('canvas');
  for (let i = 0; i < 20 && (await canvas.evaluate((el) => el.classList.contains('far'))) !== far; i++) {
    await page.locator(`.react-flow__controls-${button}`).click();
  }
  await expect(canvas).toHaveClass(far ? /\bfar\b/ : /^(?!.*\bfar\b)/);
}

/** Pans by dragging the empty top of the pane by (dx, dy) pixels. */
async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const from = { x: canvas.x + canvas.width / 2, y: canvas.y + 30 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
  await page.mouse.up();
}

/** Pans until node `id` is in the middle of the canvas. */
async function panToNode(page: Page, id: string): Promise<void> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const node = (await flowNode(page, id).boundingBox())!;
  await panBy(page, canvas.x + canvas.width / 2 - (node.x + node.width / 2), canvas.y + canvas.height / 2 - (node.y + node.height / 2));
}

test('far zoom draws boxes and one edge layer; names, selection and badges stay; zooming in brings handles back', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('import-file').setInputFiles({ name: 'zoom.pipeline.json', mimeType: 'application/json', buffer: Buffer.from(serializePipeline(pipeline)) });
  await expect(page.getByTestId('canvas')).toHaveAttribute('aria-label', 'Canvas of zoom');
  await expect(page.getByTestId('canvas')).toHaveClass(/\bfar\b/);

  // Every node keeps its accessible name; handles and React Flow's edges are left out, the edge layer names what it draws.
  for (const id of ['a', 'b', 'd', 'z']) await expect(flowNode(page, id)).toHaveAttribute('aria-label', `Step ${id} (Shell command, id ${id})`);
  await expect(page.locator('.react-flow__handle')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const layer = page.getByRole('img', { name: '1 connection, simplified at this zoom: zoom in to select one' });
  await expect(layer.locator('path')).toHaveAttribute('d', /^M-?\d+ -?\d+L-?\d+ -?\d+$/);
  await expect(flowNode(page, 'z').getByTestId('problem-badge')).toBeVisible();
  // A far node is still selected by a click.
  await flowNode(page, 'b').click();
  await expect(flowNode(page, 'b').locator('.pw-node')).toHaveClass(/\bselected\b/);
  await expect(page.getByTestId('inspector')).toContainText('Shell command');

  // A node added at far zoom (at the middle of the view, here right of d) mounts without handles.
  await panToNode(page, 'd');
  await panBy(page, -60, 0);
  const paletteItem = page.getByRole('button', { name: 'Shell command', exact: true });
  await paletteItem.focus();
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'shell')).toHaveAttribute('aria-label', 'Shell command (Shell command, id shell)');
  await expect(page.locator('.react-flow__handle')).toHaveCount(0);

  // Zoomed in, the handles are back and measured: React Flow draws the edge between them, and they connect, also on
  // the node that was added far away.
  await zoomUntil(page, 'zoomin', false);
  await expect(page.getByTestId('far-edges')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await expect(portHandle(page, 'b', 'output:out')).toBeVisible();
  await dragConnection(page, portHandle(page, 'b', 'output:out'), portHandle(page, 'd', 'input:in'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await dragConnection(page, flowNode(page, 'd').getByLabel('d: then run'), flowNode(page, 'shell').getByLabel('shell: run after'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Zooming out again hides them.
  await zoomUntil(page, 'zoomout', true);
  await expect(page.locator('.react-flow__handle')).toHaveCount(0);
  await expect(page.getByRole('img', { name: '3 connections, simplified at this zoom: zoom in to select one' })).toBeVisible();
});

test('the minimap shows only while part of the pipeline is out of view', async ({ page, served }) => {
  const small: Pipeline = { ...pipeline, name: 'small', nodes: pipeline.nodes.slice(0, 3) };
  await page.goto(served.url);
  await page.getByTestId('import-file').setInputFiles({ name: 'small.pipeline.json', mimeType: 'application/json', buffer: Buffer.from(serializePipeline(small)) });
  await expect(flowNode(page, 'd')).toBeVisible();
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toHaveCount(0);
  for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(minimap).toBeVisible();
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(minimap).toHaveCount(0);
});
