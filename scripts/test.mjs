// `npm test`: every check, in the order that fails fastest — typecheck (per layer), lint, build, unit + integration,
// end-to-end in Chromium. Each step prints its name and duration; the first failure stops the run with its exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const steps = [
  ['typecheck', npx, ['tsc', '-b', 'tsconfig.json']],
  ['lint', npx, ['eslint', '--max-warnings', '0', '.']],
  ['electron security scan (electronegativity)', process.execPath, ['scripts/check-electron.mjs']],
  ['build (engine + renderer)', process.execPath, ['scripts/build.mjs']],
  ['unit + integration (vitest)', npx, ['vitest', 'run']],
  ['end-to-end (Playwright + Chromium)', npx, ['playwright', 'test']],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
