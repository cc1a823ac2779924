// Designer end-to-end: pipeline parameters linked from node params, run settings, problems that select their node,
// box selection, cycle refusal on the run-order handles, and copy/paste across pipelines.
import { clickEmptyCanvas, dragConnection, expectSaved, flowNode, newPipeline } from './designer-helpers';
import { expect, test } from './serve-fixture';

test.use({ viewport: { width: 1400, height: 900 } });

test('declare a parameter, link a param to it, promote a value, edit run settings; problems select their node', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'params');
  const inspector = page.getByTestId('inspector');

  // Pipeline parameters live in the pipeline inspector (nothing selected).
  await inspector.getByRole('button', { name: '+ Add parameter' }).click();
  const name = inspector.getByRole('textbox', { name: 'Parameter 1 name' });
  await name.fill('base_image');
  await name.press('Enter');
  await inspector.getByRole('textbox', { name: 'Default of base_image' }).fill('python:3.12');

  await page.getByRole('button', { name: 'Shell command', exact: true }).click();
  await expect(flowNode(page, 'shell')).toBeVisible();
  await inspector.getByRole('button', { name: 'Use a pipeline parameter for Image' }).click();
  await inspector.getByRole('combobox', { name: 'Choose a pipeline parameter for Image' }).selectOption('base_image');
  await expect(inspector.getByRole('combobox', { name: 'Pipeline parameter for Image' })).toHaveValue('base_image');

  // A command is edited in the inspector's column, or in an editor most of the window wide: one value.
  const command = inspector.locator('[data-field="command"]');
  await command.getByRole('button', { name: 'Open in a larger editor' }).click();
  const larger = page.getByRole('dialog', { name: 'Edit Command' });
  expect((await larger.boundingBox())!.width).toBeGreaterThan(900);
  await larger.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('echo from the larger editor');
  await larger.getByRole('button', { name: 'Close' }).click();
  await expect(command.locator('.cm-content')).toHaveText('echo from the larger editor');

  // Promote the command to a new parameter holding its current value.
  await inspector.getByRole('button', { name: 'Use a pipeline parameter for Command' }).click();
  await inspector.getByRole('combobox', { name: 'Choose a pipeline parameter for Command' }).selectOption({ label: 'New parameter from this value' });
  await expect(inspector.getByRole('combobox', { name: 'Pipeline parameter for Command' })).toHaveValue('command');

  // Run settings say what each one does; the cache, on unless turned off, shows on (it read off before).
  await expect(inspector.getByRole('switch', { name: 'Cache' })).toBeChecked();
  await expect(inspector.locator('[data-field="timeoutSeconds"]')).toContainText('Empty: no limit.');
  await expect(inspector.locator('[data-field="resources.memory"]')).toContainText('Not limited when run here.');
  // Run settings: an invalid memory quantity is flagged inline and kept as a draft (the pipeline stays saveable);
  // a valid one is applied.
  await inspector.getByRole('spinbutton', { name: 'Timeout seconds' }).fill('120');
  const memory = inspector.getByRole('textbox', { name: 'Memory' });
  await memory.fill('lots');
  await expect(inspector.locator('[data-field="resources.memory"]').getByTestId('field-error')).toContainText('a memory quantity');
  await expectSaved(page);
  await memory.fill('512Mi');
  await expect(inspector.locator('[data-field="resources.memory"]').getByTestId('field-error')).toHaveCount(0);
  // Watch files: a glob outside the pipeline folder is flagged; one inside is applied.
  const watch = inspector.locator('[data-field="watchFiles"]');
  await watch.getByRole('button', { name: '+ Add item' }).click();
  await watch.getByRole('textbox', { name: 'Watch files item 1' }).fill('../elsewhere/*.py');
  await expect(watch.getByTestId('field-error')).toContainText('inside the pipeline folder');
  await watch.getByRole('textbox', { name: 'Watch files item 1' }).fill('src/**/*.py');
  await expect(watch.getByTestId('field-error')).toHaveCount(0);

  // Renaming the parameter rewrites the reference; removing it leaves a problem that points at the node.
  await clickEmptyCanvas(page);
  const renamed = inspector.getByRole('textbox', { name: 'Parameter 1 name' });
  await renamed.fill('image');
  await renamed.press('Enter');
  await inspector.getByRole('button', { name: 'Remove parameter image' }).click();
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByTestId('problems-list')).toContainText('node shell uses {{params.image}}, but the pipeline declares no parameter "image"');
  await page.getByTestId('problems-list').getByRole('button').first().click();
  await expect(flowNode(page, 'shell')).toHaveClass(/selected/);
  await expect(inspector.getByRole('combobox', { name: 'Pipeline parameter for Image' })).toHaveValue('image');
  await expect(inspector.locator('[data-field="image"]').getByTestId('field-error')).toContainText('no pipeline parameter named "image"');

  await expectSaved(page);
  await page.reload();
  await flowNode(page, 'shell').click();
  await expect(inspector.getByRole('spinbutton', { name: 'Timeout seconds' })).toHaveValue('120');
  await expect(inspector.getByRole('textbox', { name: 'Memory' })).toHaveValue('512Mi');
  await expect(inspector.getByRole('textbox', { name: 'Watch files item 1' })).toHaveValue('src/**/*.py');

  // A node that acts on the world is never cached: no Cache switch that would say otherwise.
  await page.getByRole('button', { name: 'Serve model', exact: true }).click();
  await expect(inspector).toContainText('deploy.serve');
  await expect(inspector.getByTestId('never-cached')).toContainText('Never cached');
  await expect(inspector.getByRole('switch', { name: 'Cache' })).toHaveCount(0);
  await expect(inspector.getByRole('spinbutton', { name: 'Timeout seconds' })).toBeVisible();
});

test('box-select, refuse a cycle on the run-order handles, copy and paste into another pipeline', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'first');
  const add = page.getByRole('button', { name: 'Shell command', exact: true });
  await add.click();
  await add.click();
  const order = (id: string, end: 'run after' | 'then run') => flowNode(page, id).getByLabel(`${id}: ${end}`);
  // They sit on the sides of the node's header, so order-only edges run left to right as the layout does.
  const node = (await flowNode(page, 'shell').boundingBox())!;
  const header = (await flowNode(page, 'shell').locator('.pw-node-header').boundingBox())!;
  for (const [end, x] of [['run after', node.x], ['then run', node.x + node.width]] as const) {
    const handle = (await order('shell', end).boundingBox())!;
    expect(Math.abs(handle.x + handle.width / 2 - x), end).toBeLessThan(3);
    expect(Math.abs(handle.y + handle.height / 2 - (header.y + header.height / 2)), end).toBeLessThan(6);
  }
  await dragConnection(page, order('shell', 'then run'), order('shell-2', 'run after'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveAttribute('aria-label', 'shell-2 runs after shell');
  await dragConnection(page, order('shell-2', 'then run'), order('shell', 'run after'));
  await expect(page.getByRole('alert')).toContainText('would create a cycle');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Shift-drag on the empty canvas draws a selection box.
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(pane.x + 5, pane.y + 5);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 5, pane.y + pane.height - 5, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector')).toContainText('2 nodes and 1 other element selected');

  await page.keyboard.press('Control+c');
  await newPipeline(page, 'second');
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 200, y: 150 } });
  await page.keyboard.press('Control+v');
  await expect(flowNode(page, 'shell')).toBeVisible();
  await expect(flowNode(page, 'shell-2')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expectSaved(page);
});
