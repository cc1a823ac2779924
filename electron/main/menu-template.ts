// The application menu as data: File, Edit, View and Help (plus the app menu on macOS), wired to the given actions.
import type { MenuItemConstructorOptions } from 'electron';

/** What the File and Help items do. */
export interface MenuActions {
  newPipeline(): void;
  importPipeline(): void;
  exportPipeline(): void;
  showAbout(): void;
}

export interface MenuPlatform {
  isMac: boolean;
  /** A checkout (not packaged): View gets Reload and the developer tools. */
  isDev: boolean;
}

/** Item ids, so tests and the Electron smoke test can click items without depending on labels. */
export const MENU_IDS = {
  newPipeline: 'file.new-pipeline',
  importPipeline: 'file.import',
  exportPipeline: 'file.export',
  about: 'help.about',
} as const;

export function menuTemplate(actions: MenuActions, { isMac, isDev }: MenuPlatform): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: MENU_IDS.newPipeline, label: 'New Pipeline', accelerator: 'CmdOrCtrl+N', click: () => actions.newPipeline() },
      { id: MENU_IDS.importPipeline, label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importPipeline() },
      { id: MENU_IDS.exportPipeline, label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportPipeline() },
      { type: 'separator' },
      // On macOS Quit lives in the app menu, and File closes the window instead.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: MENU_IDS.about, label: 'About Pipewright', click: () => actions.showAbout() }],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, view, help];
}
