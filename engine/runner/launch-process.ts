// Starts one node process the way every node process starts — leading its own process group, stdin closed, stdout and
// stderr appended by the kernel straight to the node's log files — in the engine or in the spawner helper alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** A process to start; it must stay plain data (the engine sends it to the spawner helper as JSON). */
export interface LaunchRequest {
  file: string;
  args: string[];
  /** The process's environment is `baseEnv` overlaid with `env`. */
  baseEnv: NodeJS.ProcessEnv;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Files stdout and stderr are appended to (created when missing). */
  stdoutFile: string;
  stderrFile: string;
}

const isWindows = process.platform === 'win32';

/** The node's log files could not be opened (a full or read-only disk…); nothing was started. */
export class LogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogFileError';
  }
}

/**
 * Opens the log files and spawns the process. On POSIX `detached` makes it a session and process-group leader, so
 * every process it starts can be signalled at once through the group, and a terminal's Ctrl+C reaches only
 * Pipewright, which then stops the nodes itself. Spawn failures (a missing executable or folder) arrive as the
 * child's 'error' event; log files that cannot be opened throw LogFileError.
 */
export function launchProcess(request: LaunchRequest): ChildProcess {
  const stdout = openLog(request.stdoutFile);
  let stderr: number;
  try {
    stderr = openLog(request.stderrFile);
  } catch (error) {
    closeSync(stdout);
    throw error;
  }
  try {
    return spawn(request.file, request.args, {
      cwd: request.cwd,
      env: { ...request.baseEnv, ...request.env },
      stdio: ['ignore', stdout, stderr],
      detached: !isWindows,
      windowsHide: true,
    });
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}

function openLog(path: string): number {
  try {
    return openSync(path, 'a');
  } catch (error) {
    throw new LogFileError((error as Error).message);
  }
}
