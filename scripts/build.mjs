// Builds what the CLI and the web mode need: the bundled engine + CLI (esbuild) and the renderer (Vite).
// Usage: node scripts/build.mjs [--engine] [--renderer]   (no flag: both)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const flags = new Set(process.argv.slice(2));
const all = !flags.has('--engine') && !flags.has('--renderer');

/**
 * zod's `z` namespace re-exports its 64 locales (366 KB, half of zod), which every CLI start would parse. Pipewright
 * speaks English, zod's default: only `en` is bundled; `z.locales.en` stays, the others are gone.
 */
const englishZodLocaleOnly = {
  name: 'english-zod-locale-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * The HTML report (and ECharts in it, 1.8 MB) is a bundle of its own: only `compare --html` and reports load it. Its
 * import() becomes a require() of dist/html-report.cjs (a script run by vm, like dist/engine.cjs, has no import()).
 */
const htmlReportApart = {
  name: 'html-report-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]html-report$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'html-report', namespace: 'html-report-apart' } : undefined,
    );
    build.onResolve({ filter: /^\.\/html-report\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'html-report-apart' }, () => ({
      contents: "module.exports = require('./html-report.cjs');",
      loader: 'js',
    }));
  },
};

/** What every bundle in dist/ shares: bundled for Node 20, with linked source maps. */
const nodeBundle = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

/** Options the engine's CommonJS bundles share: only native modules stay external. */
const commonJsBundle = {
  ...nodeBundle,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['better-sqlite3'],
  // Prefer ESM builds: some packages' "main" is a UMD wrapper esbuild cannot follow (jsonc-parser).
  mainFields: ['module', 'main'],
  // The engine finds its package folder from import.meta.url (engine/app-root.ts), which CommonJS spells differently.
  define: { 'import.meta.url': '__pwModuleUrl' },
  banner: { js: "const __pwModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [englishZodLocaleOnly],
};

/**
 * The CLI: dist/engine.cjs (the engine and its commands, CommonJS so that dist/cli.js can run it from V8's code cache,
 * docs/architecture.md) and dist/html-report.cjs; dist/cli.js and the spawner helper (dist/spawner.js, the runner's
 * small process that starts node processes, which must load nothing but its own few lines: docs/runner.md) as ESM.
 */
export async function buildEngine() {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  await Promise.all([
    esbuild({ ...commonJsBundle, entryPoints: { engine: 'engine/cli/entry.ts' }, plugins: [englishZodLocaleOnly, htmlReportApart] }),
    esbuild({ ...commonJsBundle, entryPoints: { 'html-report': 'engine/tracking/html-report.ts' } }),
    esbuild({ ...nodeBundle, entryPoints: { cli: 'engine/cli/launcher.ts', spawner: 'engine/runner/spawner/spawner-main.ts' }, format: 'esm' }),
  ]);
  // The spawner helper on Python (engine/runner/spawner/spawner.py) ships as it is, next to dist/spawner.js.
  copyFileSync(`${root}/engine/runner/spawner/spawner.py`, `${root}/dist/spawner.py`);
  // One start with PIPEWRIGHT_WRITE_CODE_CACHE=1 leaves dist/engine.cjs.cache for the Node that built it.
  execFileSync(process.execPath, [`${root}/dist/cli.js`, '--version'], {
    env: { ...process.env, PIPEWRIGHT_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
}

export async function buildRenderer() {
  await viteBuild({ configFile: `${root}/vite.renderer.config.ts`, logLevel: 'warn' });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && (all || flags.has('--engine'))) await buildEngine();
if (isMain && (all || flags.has('--renderer'))) await buildRenderer();
