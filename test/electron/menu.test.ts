// The application menu: its items per platform and mode, and what File › Import…/Export… rely on, on a real engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEngine, type Engine } from '../../engine/app';
import { CurrentPipeline } from '../../electron/main/current-pipeline';
import { importPipelineFile, PipelineFileError } from '../../electron/main/import-pipeline-file';
import { MENU_IDS, menuTemplate, type MenuActions } from '../../electron/main/menu-template';
import { fixturePath } from '../support/fixtures';
import { tempDir } from '../support/temp-home';

const actions = (): MenuActions => ({ newPipeline: vi.fn(), importPipeline: vi.fn(), exportPipeline: vi.fn(), showAbout: vi.fn() });
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (item: MenuItemConstructorOptions | undefined) => submenu(item).map((i) => i.role ?? i.type ?? i.id);
const byLabel = (template: MenuItemConstructorOptions[], label: string) => template.find((i) => i.label === label);

describe('menu template', () => {
  it('has File, Edit, View and Help, with Quit in File on Windows and Linux', () => {
    const template = menuTemplate(actions(), { isMac: false, isDev: false });
    expect(template.map((i) => i.label ?? i.role)).toEqual(['&File', 'editMenu', '&View', 'help']);
    expect(roles(byLabel(template, '&File'))).toEqual([MENU_IDS.newPipeline, MENU_IDS.importPipeline, MENU_IDS.exportPipeline, 'separator', 'quit']);
  });

  it('puts the app menu first on macOS, where File closes the window instead of quitting', () => {
    const template = menuTemplate(actions(), { isMac: true, isDev: false });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(roles(byLabel(template, '&File')).at(-1)).toBe('close');
  });

  it('offers Reload and the developer tools only in a checkout', () => {
    const packaged = roles(byLabel(menuTemplate(actions(), { isMac: false, isDev: false }), '&View'));
    const dev = roles(byLabel(menuTemplate(actions(), { isMac: false, isDev: true }), '&View'));
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(dev).toEqual(['reload', 'forceReload', 'toggleDevTools', 'separator', ...packaged]);
  });

  it('wires each File and Help item to its action', () => {
    const wired = actions();
    const template = menuTemplate(wired, { isMac: false, isDev: false });
    const items = [...submenu(byLabel(template, '&File')), ...submenu(template.find((i) => i.role === 'help'))];
    const click = (id: string) => (items.find((i) => i.id === id)!.click as () => void)();
    click(MENU_IDS.newPipeline);
    click(MENU_IDS.importPipeline);
    click(MENU_IDS.exportPipeline);
    click(MENU_IDS.about);
    for (const action of Object.values(wired)) expect(action).toHaveBeenCalledOnce();
  });
});

describe('current pipeline (what File › Export… exports)', () => {
  const ok = (value: unknown) => ({ ok: true as const, value });

  it('follows the pipelines the window opens, saves and creates', () => {
    const current = new CurrentPipeline();
    expect(current.get()).toBeNull();
    current.observe('pipeline.get', { id: 'a' }, ok({ id: 'a' }));
    expect(current.get()).toBe('a');
    current.observe('pipeline.create', { name: 'b' }, ok({ id: 'b' }));
    current.observe('pipeline.list', {}, ok([{ id: 'c' }]));
    current.observe('pipeline.get', { id: 'x' }, { ok: false, error: { code: 'not_found', message: 'no' } });
    expect(current.get()).toBe('b');
  });

  it('forgets a deleted pipeline, and only that one', () => {
    const current = new CurrentPipeline();
    current.observe('pipeline.get', { id: 'a' }, ok({ id: 'a' }));
    current.observe('pipeline.delete', { id: 'other' }, ok({ deleted: true }));
    expect(current.get()).toBe('a');
    current.observe('pipeline.delete', { id: 'a' }, ok({ deleted: true }));
    expect(current.get()).toBeNull();
  });
});

describe('File › Import… of a file on disk', () => {
  let engine: Engine;
  afterEach(() => engine?.close());

  it('stores the pipeline with the file folder as base, and tells subscribers', async () => {
    engine = openEngine({ host: 'test', home: tempDir() });
    const changed: unknown[] = [];
    engine.ctx.events.subscribe('pipeline.changed', (payload) => changed.push(payload));
    const file = fixturePath('pipelines/hello.pipeline.json');
    const first = await importPipelineFile(engine, file);
    const second = await importPipelineFile(engine, file);
    expect(first).toMatchObject({ name: 'hello', sourceDir: join(file, '..') });
    expect(second.name).toBe('hello (2)');
    expect(changed).toEqual([
      { id: first.id, revision: first.revision },
      { id: second.id, revision: second.revision },
    ]);
  });

  it('reads a file Windows PowerShell 5 wrote with `>` (UTF-16 with a byte-order mark)', async () => {
    engine = openEngine({ host: 'test', home: tempDir() });
    const file = join(tempDir(), 'powershell.pipeline.json');
    writeFileSync(file, Buffer.from(`\uFEFF${readFileSync(fixturePath('pipelines/hello.pipeline.json'), 'utf8')}`, 'utf16le'));
    expect(await importPipelineFile(engine, file)).toMatchObject({ name: 'hello' });
  });

  it('refuses an invalid file, naming it and listing its problems, and stores nothing', async () => {
    engine = openEngine({ host: 'test', home: tempDir() });
    const file = join(tempDir(), 'broken.pipeline.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'broken', nodes: [{ id: 'x' }], edges: [] }));
    const failure = importPipelineFile(engine, file);
    await expect(failure).rejects.toBeInstanceOf(PipelineFileError);
    await expect(failure).rejects.toThrow(/^broken\.pipeline\.json:\n/);
    expect(engine.ctx.pipelines.list()).toEqual([]);
  });
});
