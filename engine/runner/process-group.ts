// Signals and kills whole process groups (POSIX) or process trees (Windows): every node process leads its own group.
import { spawnSync } from 'node:child_process';
import { HAS_PROC, listProcesses, readProcStat } from './proc-stat';

const isWindows = process.platform === 'win32';

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

/**
 * True while a process of the group led by `pid` is still running. Zombies do not count: where init does not reap
 * orphans (some containers) a dead background process stays a zombie in its group forever. Linux scans /proc, so
 * call it only for groups known to have outlived their leader.
 */
export function groupHasLiveProcess(pid: number): boolean {
  if (!HAS_PROC) return groupAlive(pid);
  return listProcesses().some((stat) => stat.pgid === pid && stat.state !== 'Z');
}

/** True while the process `pid` is running (EPERM: it exists but belongs to someone else; a zombie does not count). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie has exited and only waits for its parent to collect its status (a parent that never does keeps it so):
  // it runs nothing, so a run or sweep it owned is over.
  return !HAS_PROC || readProcStat(pid)?.state !== 'Z';
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
