// Lint rules, including the layer rules of DESIGN §1 (one no-restricted-imports block per folder). Do not relax them:
// test/architecture/layers.test.ts checks the same rules independently.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'events', 'module'];

/** Builds a no-restricted-imports rule from forbidden module patterns, each with the reason shown to the developer. */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/', 'playwright-report/', '.electron-native/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bin/*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [NODE_BUILTINS, 'shared/ is pure and isomorphic: no Node built-ins'],
        [['electron', 'react', 'react-dom', '@xyflow/*', 'zustand', 'better-sqlite3', 'ws'], 'shared/ may import only pure libraries (zod, yaml)'],
        [['**/engine/**', '**/renderer/**', '**/electron/**'], 'shared/ must not import engine/, renderer/ or electron/'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['electron', 'react', 'react-dom', '@xyflow/*', 'zustand'], 'engine/ runs on plain Node: no Electron, no React'],
        [['**/renderer/**', '**/electron/**'], 'engine/ must not import renderer/ or electron/'],
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['react', 'react-dom', '@xyflow/*', 'zustand'], 'the main process has no UI code'],
        [['**/renderer/**', '**/preload/**'], 'electron/main must not import renderer/ or the preload'],
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [[...NODE_BUILTINS, 'react', 'better-sqlite3', 'zod', 'yaml', 'ws'], 'the preload stays tiny: electron and type-only shared imports'],
        [['**/engine/**', '**/renderer/**', '**/main/**'], 'the preload may import only electron and types from shared/'],
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [[...NODE_BUILTINS, 'electron', 'better-sqlite3', 'ws'], 'renderer/ talks only to the API contract: no Node, no Electron'],
        [['**/engine/**', '**/electron/**'], 'renderer/ must not import engine/ or electron/'],
      ),
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
