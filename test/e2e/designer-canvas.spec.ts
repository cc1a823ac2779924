// Designer end-to-end: palette → canvas, typed connections and refusals, params and problems, undo/redo, clipboard,
// auto-layout, notes, shortcuts, and everything still there after a reload.
import { clickEmptyCanvas, codeEditor, dragConnection, dragNode, expectSaved, flowNode, newPipeline, portHandle } from './designer-helpers';
import { expect, test } from './serve-fixture';

test.use({ viewport: { width: 1400, height: 900 } });

test('build a pipeline from the palette, connect typed ports, fix a param, undo, paste, lay out, reload', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'hand built');

  // Drag from the palette, and add with the keyboard.
  const paletteItem = page.getByRole('button', { name: 'Shell command', exact: true });
  await paletteItem.dragTo(page.getByTestId('canvas'), { targetPosition: { x: 140, y: 120 } });
  await expect(flowNode(page, 'shell')).toBeVisible();
  await paletteItem.focus();
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'shell-2')).toBeVisible();
  await expect(flowNode(page, 'shell')).toHaveAttribute('aria-label', 'Shell command (Shell command, id shell)');

  // Declare ports in the inspector: shell outputs a model, shell-2 takes a dataset.
  await flowNode(page, 'shell').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('button', { name: '+ Add output' }).click();
  await inspector.getByRole('combobox', { name: 'Type of output out' }).selectOption('model');
  await flowNode(page, 'shell-2').click();
  await inspector.getByRole('button', { name: '+ Add input' }).click();
  await inspector.getByRole('combobox', { name: 'Type of input in' }).selectOption('dataset');
  await dragNode(page, 'shell-2', 260, 0);

  // An incompatible connection is refused, with the reason at the pointer and in a toast.
  await dragConnection(page, portHandle(page, 'shell', 'output:out'), portHandle(page, 'shell-2', 'input:in'), async () => {
    await expect(page.locator('.connection-hint')).toContainText('shell.out produces a model, but shell-2.in expects a dataset');
  });
  await expect(page.getByRole('alert')).toContainText('Cannot connect: shell.out produces a model, but shell-2.in expects a dataset');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // Make the input accept anything, then connect.
  await flowNode(page, 'shell-2').click();
  await inspector.getByRole('combobox', { name: 'Type of input in' }).selectOption('any');
  await dragConnection(page, portHandle(page, 'shell', 'output:out'), portHandle(page, 'shell-2', 'input:in'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // A second edge into the single input is refused too.
  await dragConnection(page, portHandle(page, 'shell', 'output:out'), portHandle(page, 'shell-2', 'input:in'));
  await expect(page.getByRole('alert').last()).toContainText('already connected');

  // Clearing the command is flagged inline and badges the node; typing one clears both.
  await flowNode(page, 'shell-2').click();
  const command = codeEditor(page, 'Command');
  await command.fill('');
  await expect(inspector.getByTestId('field-error')).toContainText('enter a command to run');
  const badge = flowNode(page, 'shell-2').getByTestId('problem-badge');
  await expect(badge).toBeVisible();
  await badge.click(); // opens the Problems tab
  await expect(page.getByRole('tab', { name: /^Problems/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('problems-list')).toContainText('node shell-2: command: enter a command to run');
  await command.fill('cat {{inputs.in}}');
  await expect(badge).toHaveCount(0);

  // Undo and redo: typing into one field is one step, and the selection stays as it is.
  await flowNode(page, 'shell-2').click();
  await page.keyboard.press('Control+z');
  await expect(codeEditor(page, 'Command')).toHaveText('echo "hello from Pipewright"');
  await page.keyboard.press('Control+Shift+z');
  await expect(codeEditor(page, 'Command')).toHaveText('cat {{inputs.in}}');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeEditor(page, 'Command')).toHaveText('echo "hello from Pipewright"');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(codeEditor(page, 'Command')).toHaveText('cat {{inputs.in}}');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(flowNode(page, 'shell-2')).toHaveClass(/selected/);

  // Copy and paste a node: the copy gets a fresh id and the same params.
  await flowNode(page, 'shell-2').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(flowNode(page, 'shell-3')).toBeVisible();
  await expect(codeEditor(page, 'Command')).toHaveText('cat {{inputs.in}}');
  await page.keyboard.press('Control+d');
  await expect(flowNode(page, 'shell-4')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(flowNode(page, 'shell-4')).toHaveCount(0);

  // Auto-layout puts the source left of its target and everything on one rank left to right.
  await dragNode(page, 'shell-2', -500, 150);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByTestId('canvas-busy')).toHaveCount(0);
  await expect
    .poll(async () => {
      const a = await flowNode(page, 'shell').boundingBox();
      const b = await flowNode(page, 'shell-2').boundingBox();
      return a !== null && b !== null && a.x + a.width < b.x;
    })
    .toBe(true);

  // Reload: nodes, edge, ports and params are all still there.
  await expectSaved(page);
  await page.reload();
  await expect(flowNode(page, 'shell-3')).toBeVisible();
  await expect(page.locator('.react-flow__node-pipeline')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await flowNode(page, 'shell-2').click();
  await expect(codeEditor(page, 'Command')).toHaveText('cat {{inputs.in}}');
});

test('pipeline JSON on the clipboard pastes as nodes; junk is refused with a reason', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'paste target');
  const paste = (text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
  const fragment = {
    schemaVersion: 1,
    name: 'anything',
    parameters: [{ name: 'who', type: 'string', default: 'world' }],
    nodes: [
      { id: 'hello', type: 'script.shell', params: { command: 'echo {{params.who}}' }, position: { x: 0, y: 0 } },
      { id: 'after', type: 'script.shell', params: {}, position: { x: 240, y: 0 } },
    ],
    edges: [{ id: 'order', source: 'hello', target: 'after' }],
  };
  await paste(JSON.stringify(fragment));
  await expect(flowNode(page, 'hello')).toBeVisible();
  await expect(flowNode(page, 'after')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Added pipeline parameter who' })).toBeVisible();
  await paste('this is not a pipeline');
  await expect(page.getByRole('alert')).toContainText('Cannot paste: the clipboard does not hold a pipeline');
});

test('notes, multi-select, shortcuts overlay, snap to grid; every palette item and node has a name', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'keyboard');
  for (const item of await page.locator('.palette-item').all()) expect((await item.getAttribute('aria-label'))?.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Shell command', exact: true }).click();
  await page.getByRole('button', { name: 'Shell command', exact: true }).click();
  for (const node of await page.locator('.react-flow__node').all()) expect((await node.getAttribute('aria-label'))?.length).toBeGreaterThan(0);

  // Shift-click selects both; Delete removes both as one undo step.
  await flowNode(page, 'shell').click();
  await flowNode(page, 'shell-2').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('inspector')).toContainText('2 nodes selected');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node-pipeline')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node-pipeline')).toHaveCount(2);

  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('textbox', { name: 'Note text' }).fill('remember to add tests');
  await clickEmptyCanvas(page);
  await expect(page.locator('.react-flow__node-note')).toContainText('remember to add tests');

  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+G');
  await expect(snap).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toContainText('Auto-layout left to right');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  await expectSaved(page);
  await page.reload();
  await expect(page.locator('.react-flow__node-note')).toContainText('remember to add tests');
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
});

test.describe("at the desktop window's default size (electron/main/main-window.ts)", () => {
  test.use({ viewport: { width: 1280, height: 820 } });

  test('the toolbar fits on one row with every button whole, and action icons do not depend on fonts', async ({ page, served }) => {
    // Before, the toolbar scrolled sideways at this size: "Snap to grid" and the shortcuts button were cut off.
    await page.goto(served.url);
    await newPipeline(page, 'narrow');
    const toolbar = page.getByRole('toolbar', { name: 'Designer toolbar' });
    const bar = (await toolbar.boundingBox())!;
    expect(bar.height).toBeLessThan(40);
    for (const button of await toolbar.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width, await button.getAttribute('aria-label') ?? await button.textContent() ?? '').toBeLessThanOrEqual(bar.x + bar.width);
    }
    // Duplicate and Delete were ⧉ and 🗑: empty boxes where no font has them (Debian's Chromium here). Now SVGs.
    const item = page.getByTestId('pipeline-item').filter({ hasText: 'narrow' });
    await item.hover();
    for (const name of ['Duplicate narrow', 'Delete narrow']) await expect(item.getByRole('button', { name }).locator('svg')).toBeVisible();
  });
});
