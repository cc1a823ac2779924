// Starts a process as the leader of its own process group and kills whole groups (POSIX), or trees (Windows).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import v8 from 'node:v8';

const isWindows = process.platform === 'win32';

/** What to start: an executable with its arguments (no shell in between unless the file is one). */
export interface ProcessCommand {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Spawns `command` with stdout/stderr piped and stdin closed. On POSIX `detached` makes it a session and process-group
 * leader, so every process it starts can be signalled at once through the group, and a terminal's Ctrl+C reaches only
 * Pipewright, which then stops the nodes itself.
 */
export function spawnInGroup(command: ProcessCommand): ChildProcess {
  keepYoungGenerationSmall();
  return spawn(command.file, command.args, {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: !isWindows,
    windowsHide: true,
  });
}

let youngGenerationCapped = false;

/**
 * Every node start forks the engine, and fork copies the engine's page tables: a Node process with 135 MB resident
 * spawns 1.3–1.6× slower than one with 64 MB (bench/README.md). Under a run's allocation churn V8 grows the young
 * generation to 2 × 16 MB; from the first spawn on, its growth is capped (it stays at 2 × 1 MB), which keeps the CLI
 * at ~94 MB instead of ~117 MB during a 1000-node run, for a few more (cheap) scavenges. A run served entirely from
 * the cache never spawns and keeps V8's default.
 */
function keepYoungGenerationSmall(): void {
  if (youngGenerationCapped) return;
  youngGenerationCapped = true;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** Sends `signal` to every process of the group led by `pid`. Returns false when the group no longer exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  if (isWindows) {
    // No process groups: taskkill walks the tree. /F because Windows has no SIGTERM equivalent for console apps.
    return spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).status === 0;
  }
  return withoutStacks(() => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
      throw error;
    }
  });
}

/**
 * Runs `work` with stack capture off: a node's exit asks whether its group is gone, and "no such process" is an
 * exception whose stack trace would cost more than the question.
 */
function withoutStacks<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** True while any process of the group led by `pid` is alive. */
export function groupAlive(pid: number): boolean {
  if (isWindows) return processAlive(pid);
  return withoutStacks(() => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  });
}

/** True while the process `pid` exists (EPERM means it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SIGTERM to the group, then SIGKILL after `graceMs` if anything is still alive. Resolves once the group is gone (or
 * SIGKILL was sent, which cannot be refused).
 */
export function terminateGroup(pid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return Promise.resolve();
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (!groupAlive(pid)) return resolve();
      if (Date.now() - started >= graceMs) {
        signalGroup(pid, 'SIGKILL');
        return resolve();
      }
      setTimeout(check, Math.min(50, graceMs));
    };
    setTimeout(check, Math.min(20, graceMs));
  });
}
