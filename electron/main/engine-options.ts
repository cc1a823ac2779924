// Where the desktop engine keeps its data and which better-sqlite3 binary it loads, and what to say when that fails.
import type { EngineOptions } from '../../engine/app';

/** Environment variable through which `npm start` passes a better-sqlite3 binary built for Electron's ABI. */
export const SQLITE_BINDING_ENV = 'PIPEWRIGHT_SQLITE_BINDING';

export interface DesktopEnvironment {
  env: Record<string, string | undefined>;
  /** `app.isPackaged`. */
  packaged: boolean;
  /** `app.getPath('userData')`. */
  userData: string;
  /** `process.execPath`: the Electron binary, which runs the CLI as Node with ELECTRON_RUN_AS_NODE=1. */
  execPath: string;
  /** The bundled CLI (`<app>/dist/cli.js`) that built-in nodes run as `run-node <type>`. */
  cliPath: string;
}

/**
 * Data home: PIPEWRIGHT_HOME, else Electron's userData (DESIGN §7). The binding override is honoured only in a
 * checkout: a packaged app loads the binary electron-builder rebuilt for it, and never a path from the environment.
 */
export function desktopEngineOptions({ env, packaged, userData, execPath, cliPath }: DesktopEnvironment): EngineOptions {
  const binding = packaged ? undefined : env[SQLITE_BINDING_ENV] || undefined;
  return {
    host: 'desktop',
    home: env['PIPEWRIGHT_HOME'] || userData,
    ...(binding ? { nativeBinding: binding } : {}),
    // Node processes are the Electron binary in Node mode: it loads the same Electron-ABI better-sqlite3 as main.
    nodeCommand: [execPath, cliPath],
    nodeCommandEnv: { ELECTRON_RUN_AS_NODE: '1', ...(binding ? { [SQLITE_BINDING_ENV]: binding } : {}) },
  };
}

/** A message for the start-up error box: what failed and what to do about it. */
export function explainStartupError(error: unknown, packaged: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const wrongAbi = /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32/i.test(message);
  if (!wrongAbi) return message;
  return packaged
    ? `${message}\n\nThe database module was not rebuilt for this version of Electron; reinstall Pipewright.`
    : `${message}\n\nbetter-sqlite3 in node_modules is built for Node, not Electron. Start the app with "npm start": ` +
        `it prepares an Electron build (scripts/electron-native.mjs) and passes it in ${SQLITE_BINDING_ENV}.`;
}
