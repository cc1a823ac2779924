// Builds what the CLI and the web mode need: the bundled engine + CLI (esbuild) and the renderer (Vite).
// Usage: node scripts/build.mjs [--engine] [--renderer]   (no flag: both)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFileSync } from 'node:fs';
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
 * The CLI as ESM (dist/cli.js plus on-demand chunks): fast start-up; only native modules stay external. And the
 * spawner helper (dist/spawner.js): the runner's small process that starts node processes, which must load nothing
 * but its own few lines (docs/runner.md).
 */
export async function buildEngine() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: { cli: 'engine/cli/entry.ts', spawner: 'engine/runner/spawner/spawner-main.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    external: ['better-sqlite3'],
    // Code loaded with import() (the ML node implementations, the model server) goes to dist/chunks/, so commands that
    // never use it do not parse it at start-up.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Prefer ESM builds: some packages' "main" is a UMD wrapper esbuild cannot follow (jsonc-parser).
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
    plugins: [englishZodLocaleOnly],
    logLevel: 'warning',
  });
  // The spawner helper on Python (engine/runner/spawner/spawner.py) ships as it is, next to dist/spawner.js.
  copyFileSync(`${root}/engine/runner/spawner/spawner.py`, `${root}/dist/spawner.py`);
}

export async function buildRenderer() {
  await viteBuild({ configFile: `${root}/vite.renderer.config.ts`, logLevel: 'warn' });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && (all || flags.has('--engine'))) await buildEngine();
if (isMain && (all || flags.has('--renderer'))) await buildRenderer();
