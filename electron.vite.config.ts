// electron-vite build of the desktop app: main (ESM), preload (CommonJS, for the sandbox) and the shared renderer config.
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import rendererConfig from './vite.renderer.config';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      sourcemap: true,
      // package.json "type": "module" makes this ESM (out/main/index.js, package.json "main"); dependencies stay in
      // node_modules, where electron-builder rebuilds better-sqlite3 for Electron.
      lib: { entry: path('./electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      sourcemap: 'inline',
      // Important: a sandboxed preload cannot be an ES module and cannot require node_modules: one CommonJS file.
      externalizeDeps: false,
      lib: { entry: path('./electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  // The same renderer build as the web mode (vite.renderer.config.ts → out/renderer), with its entry named for electron-vite.
  renderer: mergeConfig(rendererConfig, { build: { rolldownOptions: { input: path('./renderer/index.html') } } }),
});
