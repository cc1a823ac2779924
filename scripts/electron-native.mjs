// Builds better-sqlite3 for Electron's ABI in .electron-native/<electron-version>/, leaving node_modules' Node build
// (used by the tests and the CLI) untouched. `npm start` passes the result to the app in PIPEWRIGHT_SQLITE_BINDING.
// Usage: node scripts/electron-native.mjs   → prints the binary's path; exits 1 with the reason when it cannot.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron version the app is built against (node_modules/electron, pinned in package.json). */
export function installedElectronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/**
 * Returns the path of a better_sqlite3.node for Electron `electronVersion`, building it once per Electron version,
 * better-sqlite3 version and arch: a prebuilt binary (prebuild-install), else a compile against Electron's headers
 * (node-gyp). Throws an Error whose message says why both failed.
 */
export function prepareElectronSqlite({ electronVersion = installedElectronVersion(), arch = process.arch } = {}) {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const target = join(root, '.electron-native', electronVersion, 'better-sqlite3');
  const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
  const stampFile = join(target, '.pipewright-stamp.json');
  const stamp = JSON.stringify({ sqliteVersion, electronVersion, arch });
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return binary;

  rmSync(target, { recursive: true, force: true });
  // Copy the package without its Node-ABI build, so nothing but an Electron build can end up at `binary`.
  cpSync(source, target, { recursive: true, filter: (path) => path !== join(source, 'build') && !path.startsWith(join(source, 'build') + sep) });

  const sourceRequire = createRequire(join(source, 'package.json'));
  const attempts = [
    ['prebuild-install', [sourceRequire.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch]],
    [
      'node-gyp',
      [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
    ],
  ];
  const failures = [];
  for (const [tool, args] of attempts) {
    const run = spawnSync(process.execPath, args, { cwd: target, env: toolEnv(), encoding: 'utf8', timeout: 15 * 60_000 });
    if (run.status === 0 && existsSync(binary)) {
      writeFileSync(stampFile, stamp);
      return binary;
    }
    failures.push(`${tool}: ${failureReason(run)}`);
  }
  throw new Error(`could not get better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch}): ${failures.join('; ')}`);
}

/**
 * The environment without npm's build settings: under `npm start`, npm exports e.g. npm_config_nodedir, which would
 * make node-gyp compile against Node's headers instead of Electron's and silently produce the wrong ABI.
 */
function toolEnv() {
  const build = /^npm_config_(nodedir|target|runtime|arch|target_arch|disturl|dist_url|build_from_source)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !build.test(name)));
}

/** Why a tool run failed, on one line: an errno (e.g. "getaddrinfo ENOTFOUND github.com"), a failed download, else its Error. */
function failureReason(run) {
  if (run.error) return run.error.message;
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim()).filter(Boolean);
  const errno = lines.find((line) => /\bE[A-Z]{4,}\b/.test(line));
  if (errno) return errno.replace(/^(prebuild-install|gyp) (info|warn|WARN|ERR!) (install )?/, '');
  // node-gyp reports a failed header download as a vague network hint; the URL it tried says more.
  const download = lines.join('\n').match(/\bGET (https?:\/\/\S+)[\s\S]*network/);
  if (download) return `could not download ${download[1]}`;
  const start = lines.findIndex((line) => line.includes('Error:'));
  if (start < 0) return lines.at(-1) ?? `exited with code ${run.status}`;
  // Tools such as node-gyp wrap one message over several prefixed lines ("gyp ERR! stack …") before the stack trace.
  const prefix = lines[start].slice(0, lines[start].indexOf('Error:'));
  const message = [];
  for (const line of lines.slice(start)) {
    const text = line.slice(prefix.length);
    if (!line.startsWith(prefix) || text.startsWith('at ')) break;
    message.push(text);
  }
  return message.join(' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(prepareElectronSqlite());
  } catch (error) {
    console.error(`electron-native: ${error.message}`);
    process.exit(1);
  }
}
