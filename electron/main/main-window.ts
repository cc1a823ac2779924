// Creates the one app window: hardened preferences, the preload bridge, shown once the renderer has painted.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface MainWindowOptions {
  /** Built preload script (CommonJS, out/preload/index.cjs). */
  preload: string;
  /** Window icon on Linux and Windows (macOS takes the bundle's icon). */
  icon: string;
  /** Allow the developer tools (a checkout, not a packaged app). */
  devTools: boolean;
}

export function createMainWindow({ preload, icon, devTools }: MainWindowOptions): BrowserWindow {
  // Important: keep these flags literal, here in the constructor call: electronegativity (npm test) and
  // test/electron/hardening.test.ts read them from this source; every flag is stated even where it is the default.
  const window = new BrowserWindow({
    title: 'Pipewright',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    icon,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK: reviewed, it exposes only window.pipewright = {invoke, subscribe}.
      // The page gets no Node and no Electron: the preload runs in an isolated world inside the OS sandbox.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy and mixed-content blocking stay on.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No <webview>, no experimental Blink features, no navigation by dropping a file on the window.
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would ask for a new window (denied anyway); without the event there is nothing to deny.
      disableBlinkFeatures: 'Auxclick',
      // Spell-check dictionaries are downloaded from the network; the app loads nothing remote.
      spellcheck: false,
      // A page that loops alert() can be stopped.
      safeDialogs: true,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: Error) => console.error(`pipewright: could not load the UI: ${error.message}`));
  return window;
}
