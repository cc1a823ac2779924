// Electron smoke test: the built app opens on app://, shows the sidebar, creates pipelines from the UI and from
// File › New Pipeline, and its page has nothing of Node or Electron but window.pipewright. Where Electron cannot run
// (no binary, no display, no Electron build of better-sqlite3), it is skipped and says why.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { APP_ENTRY_URL } from '../../electron/main/app-origin';
import { MENU_IDS } from '../../electron/main/menu-template';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** What the app needs to launch here, or why it cannot. */
function prerequisites(): { binary: string; binding: string } | { reason: string } {
  let binary: string;
  try {
    binary = require('electron') as string;
  } catch (error) {
    return { reason: `no Electron binary (${(error as Error).message})` };
  }
  if (!existsSync(binary)) return { reason: `the Electron binary is missing (${binary})` };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { reason: 'no display: run it under xvfb-run' };
  }
  const native = spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { encoding: 'utf8' });
  if (native.status !== 0) return { reason: native.stderr.trim() || 'scripts/electron-native.mjs failed' };
  return { binary, binding: native.stdout.trim() };
}

test('the desktop app starts, shows the sidebar and creates pipelines', async () => {
  const ready = prerequisites();
  if ('reason' in ready) {
    console.log(`Electron smoke test skipped: ${ready.reason}`);
    test.skip(true, ready.reason);
    return;
  }
  execFileSync(process.execPath, ['scripts/build.mjs', '--engine'], { cwd: root, stdio: 'inherit' });
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });

  const home = mkdtempSync(join(tmpdir(), 'pipewright-electron-'));
  // Chromium starts as root only without its sandbox (CI containers); a person's session keeps it.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: ready.binary,
    args: [root, ...rootOnly],
    cwd: root,
    env: { ...process.env, PIPEWRIGHT_HOME: home, PIPEWRIGHT_SQLITE_BINDING: ready.binding },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Pipelines' })).toBeVisible();
    expect(page.url()).toBe(APP_ENTRY_URL);

    const exposed = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w['require'], process: typeof w['process'], bridge: Object.keys((w['pipewright'] as object) ?? {}).sort() };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });

    await page.getByRole('button', { name: 'New pipeline' }).click();
    const name = page.getByRole('textbox', { name: 'Name of the new pipeline' });
    await name.fill('smoke');
    await name.press('Enter');
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('pipeline-item').filter({ hasText: 'smoke' })).toBeVisible();

    await app.evaluate(({ Menu }, id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.click(), MENU_IDS.newPipeline);
    await expect(page.getByTestId('pipeline-item').filter({ hasText: 'Untitled pipeline' })).toBeVisible();

    // No remote content and no new windows, whatever the page tries.
    expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
