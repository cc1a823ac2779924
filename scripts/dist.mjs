// `npm run dist`: builds the app, packages it with electron-builder (release/), then restores the Node build of
// better-sqlite3, which electron-builder rebuilt for Electron in node_modules.
// Usage: node scripts/dist.mjs [electron-builder options, e.g. --linux AppImage | --mac | --win]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// electron-vite's package exports do not include its bin script: locate it from its package.json.
const electronViteCli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

/** Runs one step with inherited output; returns its exit status. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.error) console.error(`dist: could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function npm(args) {
  // Under `npm run`, npm_execpath is npm's own CLI script: the same npm, no PATH lookup.
  const npmCli = process.env.npm_execpath;
  return npmCli ? run(process.execPath, [npmCli, ...args]) : run('npm', args);
}

const build = [
  [process.execPath, ['scripts/build.mjs', '--engine']],
  [process.execPath, [electronViteCli, 'build']],
];
for (const [command, args] of build) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}

const packaged = run(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
// Important: always restore, even after a failed packaging run, or vitest and the CLI would load an Electron-ABI binary.
const restored = npm(['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('dist: "npm rebuild better-sqlite3" failed; run it yourself before running the tests or the CLI.');
process.exit(packaged !== 0 ? packaged : restored);
