// What every CLI command gets: a lazily opened engine (commands that need no database never open it) and output.
import { openEngine, type Engine } from '../app';

export interface CliContext {
  /** Opens the engine on first use (PIPEWRIGHT_HOME), then returns the same one. */
  engine(): Engine;
  /** Standard output, one call per line. */
  print(line: string): void;
  /** Standard error, one call per line. */
  warn(line: string): void;
  close(): void;
}

/**
 * Node processes started by the desktop app run this CLI inside the Electron binary (ELECTRON_RUN_AS_NODE), whose
 * ABI needs the Electron build of better-sqlite3; the app passes its path in PIPEWRIGHT_SQLITE_BINDING.
 */
function nativeBindingFromEnv(): { nativeBinding?: string } {
  const binding = process.env['PIPEWRIGHT_SQLITE_BINDING'];
  return binding && process.versions['electron'] ? { nativeBinding: binding } : {};
}

export function createCliContext(): CliContext {
  let engine: Engine | undefined;
  return {
    engine: () => (engine ??= openEngine({ host: 'cli', ...nativeBindingFromEnv() })),
    print: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    close: () => engine?.close(),
  };
}
