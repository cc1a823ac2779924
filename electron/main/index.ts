// Electron main process: the engine in-process, one hardened window on app://, the IPC bridge and the menu.
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { openEngine, type Engine } from '../../engine/app';
import { fromAppRoot } from '../../engine/app-root';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { CurrentPipeline } from './current-pipeline';
import { desktopEngineOptions, explainStartupError } from './engine-options';
import { guardWebContents, hardenSession } from './harden';
import { createHostDialogs } from './host-dialogs';
import { registerIpcBridge } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { createMenuActions } from './menu-actions';
import { menuTemplate } from './menu-template';

// Before anything reads userData: the folder is named after the product in a checkout and when packaged alike.
app.setName('Pipewright');
// Every renderer, including any a bug might open, runs in the OS sandbox.
app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start, (error: unknown) => abort(error));
} else {
  // Another instance owns the database and the window; it is focused through 'second-instance'.
  app.quit();
}

let mainWindow: BrowserWindow | null = null;

function start(): void {
  let engine: Engine;
  try {
    engine = openEngine({
      ...desktopEngineOptions({
        env: process.env,
        packaged: app.isPackaged,
        userData: app.getPath('userData'),
        execPath: process.execPath,
        cliPath: fromAppRoot('dist', 'cli.js'),
      }),
      hostDialogs: createHostDialogs(() => mainWindow),
    });
  } catch (error) {
    abort(error);
    return;
  }
  hardenSession(session.defaultSession);
  serveAppScheme(session.defaultSession, fromAppRoot('out', 'renderer'));

  const current = new CurrentPipeline();
  const disposeIpc = registerIpcBridge({
    ipcMain,
    engine,
    isAppContents: (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents,
    onInvoked: (name, args, result) => current.observe(name, args, result),
  });
  const actions = createMenuActions(engine, current, () => mainWindow);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { isMac: process.platform === 'darwin', isDev: !app.isPackaged })));

  const openWindow = () => {
    mainWindow = createMainWindow({
      preload: fromAppRoot('out', 'preload', 'index.cjs'),
      icon: fromAppRoot('resources', 'icons', 'app.png'),
      devTools: !app.isPackaged,
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };
  openWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS keeps the app running without windows; the Dock icon opens a new one.
  app.on('activate', () => mainWindow ?? openWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    disposeIpc();
    engine.close();
  });
}

/** Start-up failed (database refused, wrong native module, …): say what and why, then quit with an error code. */
function abort(error: unknown): void {
  dialog.showErrorBox('Pipewright cannot start', explainStartupError(error, app.isPackaged));
  app.exit(1);
}
