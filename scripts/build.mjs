// Builds what the CLI and the web mode need: the bundled engine + CLI (esbuild) and the renderer (Vite).
// Usage: node scripts/build.mjs [--engine] [--renderer]   (no flag: both)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const flags = new Set(process.argv.slice(2));
const all = !flags.has('--engine') && !flags.has('--renderer');

/** One ESM file for the CLI: fast start-up (no module resolution at run time); only native modules stay external. */
export async function buildEngine() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: { cli: 'engine/cli/entry.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    external: ['better-sqlite3'],
    // Prefer ESM builds: some packages' "main" is a UMD wrapper esbuild cannot follow (jsonc-parser).
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

export async function buildRenderer() {
  await viteBuild({ configFile: `${root}/vite.renderer.config.ts`, logLevel: 'warn' });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && (all || flags.has('--engine'))) await buildEngine();
if (isMain && (all || flags.has('--renderer'))) await buildRenderer();
