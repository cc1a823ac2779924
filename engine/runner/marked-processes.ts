// Finds and stops the processes of a run's nodes wherever they went. Every node process carries its run and node in
// its environment (PIPEWRIGHT_RUN_ID, PIPEWRIGHT_NODE_ID) and passes them on to what it starts — also to a process
// that left the node's process group (setsid, start_new_session, a daemon), which signals to the group miss. Linux.
import { readdirSync, readFileSync } from 'node:fs';
import { HAS_PROC, readProcStat } from './proc-stat';
import { signalGroup } from './process-group';

/** Which processes: those of one run, or of one node of it. */
export interface ProcessMarker {
  runId: string;
  nodeId?: string;
}

/** A live process that carries a marker. */
export interface MarkedProcess {
  pid: number;
  pgid: number;
  /** The program's name as the kernel gives it (at most 15 characters). */
  name: string;
  /** Its PIPEWRIGHT_NODE_ID. */
  nodeId: string;
}

const RUN_VARIABLE = 'PIPEWRIGHT_RUN_ID';
const NODE_VARIABLE = 'PIPEWRIGHT_NODE_ID';

/** `env` without the run's marker: for a process a node starts on purpose to outlive the run (a deployment). */
export function unmarkedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[RUN_VARIABLE];
  delete copy[NODE_VARIABLE];
  return copy;
}

/** Every live process carrying `marker`, found by reading each readable /proc/<pid>/environ; [] off Linux. */
export function findMarked(marker: ProcessMarker): MarkedProcess[] {
  if (!HAS_PROC) return [];
  const run = Buffer.from(`\0${RUN_VARIABLE}=${marker.runId}\0`);
  const found: MarkedProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const pid = Number(name);
    const environ = readEnviron(pid);
    if (!environ || environ.indexOf(run) === -1) continue;
    const nodeId = variable(environ, NODE_VARIABLE) ?? '';
    if (marker.nodeId !== undefined && nodeId !== marker.nodeId) continue;
    const stat = readProcStat(pid);
    if (stat && stat.state !== 'Z' && stat.pgid !== ownGroup()) found.push({ pid, pgid: stat.pgid, name: stat.name, nodeId });
  }
  return found;
}

/** SIGKILL to the group of every process carrying `marker`, at once (the engine is closing, or found them orphaned). */
export function killMarked(marker: ProcessMarker): MarkedProcess[] {
  const found = findMarked(marker);
  for (const group of new Set(found.map((p) => p.pgid))) signalGroup(group, 'SIGKILL');
  return found;
}

/** How often stopMarked looks again, and how long past the grace period it waits for SIGKILLed processes to go. */
const LOOK_MS = 50;
const GONE_WAIT_MS = 2000;

/**
 * Stops every process carrying `marker` outside the group `exceptGroup` (the node's own, which its attempt stops):
 * SIGTERM to each one's group, SIGKILL to those still there `graceMs` later. Looks again until none is left, so what
 * they start meanwhile is stopped too. Resolves with every process it found.
 */
export async function stopMarked(marker: ProcessMarker, graceMs: number, exceptGroup?: number): Promise<MarkedProcess[]> {
  const seen = new Map<number, MarkedProcess>();
  const terminatedAt = new Map<number, number>();
  const deadline = Date.now() + graceMs + GONE_WAIT_MS;
  for (;;) {
    const found = findMarked(marker).filter((p) => p.pgid !== exceptGroup);
    if (found.length === 0 || Date.now() >= deadline) return [...seen.values()];
    for (const marked of found) {
      seen.set(marked.pid, marked);
      const since = terminatedAt.get(marked.pgid);
      if (since === undefined) {
        signalGroup(marked.pgid, 'SIGTERM');
        terminatedAt.set(marked.pgid, Date.now());
      } else if (Date.now() - since >= graceMs) signalGroup(marked.pgid, 'SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
  }
}

/** The log line naming the processes of a node stopped outside its group. */
export function straysText(processes: readonly MarkedProcess[]): string {
  const list = processes.map((p) => `${p.name} (pid ${p.pid})`).join(', ');
  return `stopped ${processes.length === 1 ? '1 process' : `${processes.length} processes`} the node started outside its process group (setsid, a daemon): ${list}`;
}

function readEnviron(pid: number): Buffer | undefined {
  try {
    // A leading NUL lets the first variable match like the others.
    return Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]);
  } catch {
    return undefined; // gone, or another user's
  }
}

function variable(environ: Buffer, name: string): string | undefined {
  const start = environ.indexOf(`\0${name}=`);
  if (start === -1) return undefined;
  const from = start + name.length + 2;
  const end = environ.indexOf(0, from);
  return environ.toString('utf8', from, end === -1 ? environ.length : end);
}

let group: number | undefined;
/** The engine's own process group, which is never signalled (it carries no marker, unless it runs inside a node). */
function ownGroup(): number {
  return (group ??= readProcStat(process.pid)?.pgid ?? -1);
}
