// Crash recovery at engine start: runs still marked running whose engine process is gone become "interrupted",
// their unfinished nodes canceled, and any node processes they left behind are killed.
import type { RunEvent } from '../../shared/runs/run-events';
import type { RunsRepo } from '../store/runs.repo';
import { ownerAlive } from './owner-identity';
import { signalGroup } from './process-group';
import { HAS_PROC, listProcesses, readProcEnv } from './proc-stat';

export const INTERRUPTED_MESSAGE = 'interrupted: Pipewright stopped (crash, kill or power loss) while this ran';

/** Marks orphaned runs interrupted; returns their ids. Runs owned by another live Pipewright process are left alone. */
export function recoverInterruptedRuns(runs: RunsRepo): string[] {
  const recovered: string[] = [];
  for (const run of runs.running()) {
    if (ownerAlive(run.ownerPid, run.ownerStart)) continue;
    const unfinished = runs.unfinishedNodes(run.id);
    killLeftovers(run.id, unfinished.map((n) => n.pid).filter((pid): pid is number => pid !== null));
    const at = Date.now();
    let seq = run.lastSeq;
    const events: RunEvent[] = unfinished.map((node) => ({
      type: 'node.finished',
      runId: run.id,
      seq: ++seq,
      at,
      nodeId: node.nodeId,
      status: 'canceled',
      exitCode: null,
      durationMs: 0,
      cached: false,
      attempts: 0,
      error: INTERRUPTED_MESSAGE,
    }));
    const durationMs = Math.max(0, at - Date.parse(run.startedAt));
    events.push({ type: 'run.finished', runId: run.id, seq: ++seq, at, status: 'interrupted', durationMs, counts: {}, error: INTERRUPTED_MESSAGE });
    runs.transaction(() => {
      for (const event of events) runs.applyEvent(event);
      runs.noteLastSeq(run.id, seq);
    });
    recovered.push(run.id);
  }
  return recovered;
}

/**
 * Node processes outlive a killed engine (they lead their own process groups). On Linux, a group whose processes
 * still carry this run's PIPEWRIGHT_RUN_ID is certainly ours and is killed; elsewhere pids may have been reused, so
 * nothing is signalled.
 */
function killLeftovers(runId: string, pids: number[]): void {
  if (!HAS_PROC || pids.length === 0) return;
  const groups = new Set(pids);
  for (const proc of listProcesses()) {
    if (groups.has(proc.pgid) && readProcEnv(proc.pid, 'PIPEWRIGHT_RUN_ID') === runId) {
      signalGroup(proc.pgid, 'SIGKILL');
      groups.delete(proc.pgid);
    }
  }
}
