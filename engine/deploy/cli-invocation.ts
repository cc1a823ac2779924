// How to start the pipewright CLI as a child process from wherever this code runs (bundled CLI, tests, Electron).
import { fromAppRoot } from '../app-root';

/** The executable, arguments and extra environment that run `pipewright <args>`. */
export function pipewrightCommand(args: readonly string[]): { file: string; args: string[]; env: Record<string, string> } {
  // Inside Electron, process.execPath is the app binary; ELECTRON_RUN_AS_NODE makes it behave as plain Node.
  const env: Record<string, string> = process.versions['electron'] ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  return { file: process.execPath, args: [fromAppRoot('dist', 'cli.js'), ...args], env };
}
