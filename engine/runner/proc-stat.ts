// Reads Linux /proc: per-process group, CPU times and resident memory, and a process's start-time identity.
import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc/<pid>/stat describes it. */
export interface ProcStat {
  pid: number;
  /** The program's name (the kernel's comm, at most 15 characters). */
  name: string;
  pgid: number;
  state: string;
  /** user + system CPU time of the process and of its waited-for children, in clock ticks. */
  cpuTicks: number;
  /** Resident pages. */
  rssPages: number;
  /** Start time after boot, in clock ticks. */
  startTicks: number;
}

export const HAS_PROC = process.platform === 'linux';

/** Linux's USER_HZ and page size are fixed at these on every architecture Node supports there. */
export const CLOCK_TICKS_PER_SECOND = 100;
export const PAGE_SIZE = 4096;

/** Parses /proc/<pid>/stat; the command name may contain spaces and parentheses, so fields count from the last ")". */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close === -1) return null;
  const pid = Number.parseInt(text, 10);
  const f = text.slice(close + 2).split(' ');
  // f[0] is field 3 (state) of proc(5); field n is f[n - 3].
  return {
    pid,
    name: text.slice(text.indexOf('(') + 1, close),
    state: f[0]!,
    pgid: Number(f[2]),
    cpuTicks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    startTicks: Number(f[19]),
    rssPages: Number(f[21]),
  };
}

export function readProcStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * `pid` and its descendants, walking /proc/<pid>/task/<tid>/children (a few reads per node instead of a scan of every
 * process on the machine). Returns null where the kernel has no children files, so the caller can scan instead.
 */
export function processTree(pid: number): ProcStat[] | null {
  if (!childrenFilesExist()) return null;
  const found: ProcStat[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    const stat = readProcStat(next);
    if (!stat) continue;
    found.push(stat);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${next}/task/${task}/children`, 'utf8').split(' ')) if (child.trim()) queue.push(Number(child));
      } catch {
        // the task ended while we looked
      }
    }
  }
  return found;
}

let childrenFiles: boolean | undefined;
/** Whether this kernel has /proc/<pid>/task/<tid>/children (CONFIG_PROC_CHILDREN), probed once on ourselves. */
function childrenFilesExist(): boolean {
  if (childrenFiles === undefined) {
    try {
      readFileSync(`/proc/${process.pid}/task/${process.pid}/children`);
      childrenFiles = true;
    } catch {
      childrenFiles = false;
    }
  }
  return childrenFiles;
}

/** Every process on the machine (those that vanish while we look are skipped). */
export function listProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const stat = readProcStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}
