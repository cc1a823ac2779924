// electron-builder.yml: valid against electron-builder's own schema, pinned to the installed Electron, icons present.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface BuilderConfig {
  electronVersion?: string;
  productName?: string;
  /** Normalised by the loader to `[{ filter: [...] }]`. */
  files?: { filter?: string[] }[];
  asarUnpack?: string[];
  linux?: { icon?: string; target?: string[] };
  mac?: { icon?: string };
  win?: { icon?: string };
}

/** electron-builder's own loader and validator (the code `electron-builder` runs before packaging). */
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debug: { isEnabled: boolean }): Promise<void>;
};

describe('electron-builder.yml', async () => {
  const config = await builderConfig.getConfig(root, 'electron-builder.yml', null);

  it('passes electron-builder validation', async () => {
    await expect(builderConfig.validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('pins the Electron version of package.json', () => {
    const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { optionalDependencies: { electron: string } };
    expect(config.electronVersion).toBe(manifest.optionalDependencies.electron);
  });

  it('ships the built app and unpacks the native module from the archive', () => {
    expect(config.productName).toBe('Pipewright');
    expect(config.files?.flatMap((set) => set.filter ?? [])).toEqual(expect.arrayContaining(['out/**', 'dist/**', 'resources/**', 'package.json', 'bin/**']));
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('points every platform at an icon that exists', () => {
    for (const icon of [config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(icon).toBeDefined();
      expect(existsSync(`${root}${icon}`), icon).toBe(true);
    }
  });
});
