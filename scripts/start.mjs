// `npm start`: builds and opens the desktop app. Where Electron cannot run, says why in one line and serves the web UI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronVersion, prepareElectronSqlite } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// electron-vite's package exports do not include its bin script: locate it from its package.json.
const electronViteCli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

/** Runs a build step with inherited output; a failed build stops `npm start` with its exit code. */
function step(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Path of the Electron binary, or the reason there is none. `require('electron')` answers the path or throws. */
function locateElectron() {
  let binary;
  try {
    const id = require.resolve('electron');
    delete require.cache[id]; // asked again after a download attempt
    binary = require(id);
  } catch (error) {
    return { reason: error.code === 'MODULE_NOT_FOUND' ? 'the electron package is not installed' : 'its binary was never downloaded' };
  }
  if (!existsSync(binary)) return { reason: `its binary is missing (${binary})` };
  return { binary };
}

/** One attempt at the download `npm install` skipped (package.json allowScripts); fails fast offline. */
function downloadElectron() {
  const run = spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  if (run.error) return `download failed: ${run.error.message}`;
  if (run.status !== 0) {
    const first = `${run.stderr}`.split('\n').map((line) => line.trim()).find(Boolean) ?? `exit code ${run.status}`;
    return `download failed: ${first.replace(/^[A-Za-z]*Error: /, '')}`;
  }
  return process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' : 'the download left no binary';
}

/** Why Electron cannot open a window here even with its binary, or null when it can. */
function environmentProblem() {
  if (process.platform !== 'linux') return null;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set';
  // Chromium refuses to run as root unless its sandbox is switched off, and the app never switches it off.
  if (process.getuid?.() === 0) return 'running as root, where Chromium starts only with its sandbox disabled';
  return null;
}

/** Electron's binary, or the one-line reason it cannot be used on this machine. */
function usableElectron() {
  let found = locateElectron();
  if (!found.binary) {
    const downloadFailure = downloadElectron();
    found = locateElectron();
    if (!found.binary) return { reason: downloadFailure };
  }
  const problem = environmentProblem();
  return problem ? { reason: problem } : found;
}

/** Runs a long-lived child with our stdio, forwards Ctrl-C and termination, and exits with its code. */
function hostChild(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startWebMode(why) {
  step(['scripts/build.mjs']);
  console.log(`${why}; starting the web mode instead.`);
  hostChild(process.execPath, ['bin/pipewright', 'serve', '--open']);
}

const electron = usableElectron();
if (!electron.binary) {
  startWebMode(`Electron is not available on this machine (${electron.reason})`);
} else {
  let binding;
  try {
    binding = prepareElectronSqlite();
  } catch (error) {
    binding = error;
  }
  if (binding instanceof Error) {
    startWebMode(`Electron cannot open the database on this machine (${binding.message})`);
  } else {
    step(['scripts/build.mjs', '--engine']);
    step([electronViteCli, 'build']);
    console.log(`Starting Pipewright on Electron ${installedElectronVersion()}.`);
    hostChild(electron.binary, ['.'], { ...process.env, PIPEWRIGHT_SQLITE_BINDING: binding });
  }
}
