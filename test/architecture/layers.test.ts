// Fails `npm test` when any import crosses a forbidden layer boundary (DESIGN §1); the checker is tested too.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles, violations } from './layer-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('layer rules', () => {
  it('hold for every source file in shared/, engine/, electron/ and renderer/', () => {
    const found = ['shared', 'engine', 'electron', 'renderer']
      .map((dir) => join(root, dir))
      .filter((dir) => existsSync(dir))
      .flatMap(sourceFiles)
      .flatMap((file) => violations(root, relative(root, file), readSource(file)));
    expect(found).toEqual([]);
  });

  it('catch each kind of violation', () => {
    expect(violations(root, 'shared/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(violations(root, 'shared/x.ts', "import React from 'react';")).toHaveLength(1);
    expect(violations(root, 'shared/x.ts', "export { a } from '../engine/app';")).toHaveLength(1);
    expect(violations(root, 'engine/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(violations(root, 'engine/x.ts', "const m = await import('../renderer/src/main');")).toHaveLength(1);
    expect(violations(root, 'renderer/src/x.ts', "import { spawn } from 'child_process';")).toHaveLength(1);
    expect(violations(root, 'renderer/src/x.ts', "import { openEngine } from '../../engine/app';")).toHaveLength(1);
    expect(violations(root, 'electron/preload/index.ts', "import { commands } from '../../shared/api/index';")).toHaveLength(1);
    expect(violations(root, 'electron/preload/index.ts', "import type { RawChannel } from '../../shared/api/channel';")).toEqual([]);
    expect(violations(root, 'electron/main/x.ts', "import { App } from '../../renderer/src/components/App';")).toHaveLength(1);
    expect(violations(root, 'engine/x.ts', "import Database from 'better-sqlite3';\nimport { z } from 'zod';")).toEqual([]);
  });
});
