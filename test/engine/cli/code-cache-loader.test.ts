// The CLI's start from V8's code cache: the bundle runs as a CommonJS module, a cache is used, a foreign cache is
// refused without harm, and the cache the build writes for dist/engine.cjs is one V8 accepts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromAppRoot } from '../../../engine/app-root';
import { compileBundle, runWithCodeCache } from '../../../engine/cli/code-cache-loader';

interface Ran {
  file: string;
  dir: string;
  sep: string;
  exportsIsModuleExports: boolean;
}
const probe = globalThis as { pwCodeCacheProbe?: Ran };

/** A CommonJS bundle that reports what it was given; `padding` changes its length (V8 ties a cache to the source). */
function writeBundle(dir: string, name: string, padding = ''): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `${padding}globalThis.pwCodeCacheProbe = { file: __filename, dir: __dirname, sep: require('node:path').sep, ` +
      'exportsIsModuleExports: exports === module.exports };\n',
  );
  return file;
}

afterEach(() => {
  delete probe.pwCodeCacheProbe;
});

describe('runWithCodeCache', () => {
  it('runs a bundle without a cache as a CommonJS module with its own require, module, __filename and __dirname', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-code-cache-'));
    const bundle = writeBundle(dir, 'bundle.cjs');
    expect(runWithCodeCache({ bundle, cache: join(dir, 'none.cache') })).toBe('absent');
    expect(probe.pwCodeCacheProbe).toEqual({ file: bundle, dir, sep, exportsIsModuleExports: true });
  });

  it('uses a cache made from the same bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-code-cache-'));
    const bundle = writeBundle(dir, 'bundle.cjs');
    const cache = join(dir, 'bundle.cache');
    writeFileSync(cache, compileBundle(bundle).createCachedData());
    expect(runWithCodeCache({ bundle, cache })).toBe('used');
    expect(probe.pwCodeCacheProbe?.file).toBe(bundle);
  });

  it('refuses a cache made from another source and still runs the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-code-cache-'));
    const other = writeBundle(dir, 'other.cjs', '// a longer, different bundle\n');
    const cache = join(dir, 'other.cache');
    writeFileSync(cache, compileBundle(other).createCachedData());
    const bundle = writeBundle(dir, 'bundle.cjs');
    expect(runWithCodeCache({ bundle, cache })).toBe('rejected');
    expect(probe.pwCodeCacheProbe?.file).toBe(bundle);
  });
});

describe('the built CLI', () => {
  it("ships a code cache for dist/engine.cjs that this Node's V8 accepts", () => {
    const script = compileBundle(fromAppRoot('dist', 'engine.cjs'), readFileSync(fromAppRoot('dist', 'engine.cjs.cache')));
    expect(script.cachedDataRejected).toBe(false);
  });
});
