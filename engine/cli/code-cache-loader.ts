// Start of the bundled CLI (dist/cli.js): runs the engine bundle (dist/engine.cjs) from V8's code cache when it has one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What became of the cache: read and used, read and refused by V8 (another Node version), or not there. */
export type CodeCacheUse = 'used' | 'rejected' | 'absent';

export interface CodeCacheOptions {
  /** A CommonJS file (the esbuild bundle); it runs with its own `require`, `module`, `__filename` and `__dirname`. */
  bundle: string;
  /** Where V8's code cache for `bundle` lives. */
  cache: string;
  /** Write the cache when the process exits: it then holds every function compiled up to that point. */
  writeOnExit?: boolean;
}

/**
 * Node 20 has no compile cache for modules (`module.enableCompileCache` came with Node 22), so a start would parse and
 * compile the ~2 MB bundle and its start-up functions every time (~25 ms of ~110). `vm.Script` accepts V8's code cache;
 * a cache V8 refuses is ignored and the bundle is compiled as usual.
 */
export function runWithCodeCache({ bundle, cache, writeOnExit = false }: CodeCacheOptions): CodeCacheUse {
  const cachedData = readIfPresent(cache);
  const script = compileBundle(bundle, cachedData);
  if (writeOnExit) process.once('exit', () => writeAtomically(cache, script.createCachedData()));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (!cachedData) return 'absent';
  return script.cachedDataRejected === true ? 'rejected' : 'used';
}

/** Compiles (without running) a CommonJS file in the same wrapper Node puts around a module, from `cachedData` if given. */
export function compileBundle(bundle: string, cachedData?: Buffer): Script {
  // The wrapper adds no line, so stack traces keep the bundle's line numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  return new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Another process never reads half a cache: write beside it, then rename over it. */
function writeAtomically(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
