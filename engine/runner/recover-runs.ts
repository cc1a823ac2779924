// Crash recovery (at engine start, and in an open engine before runs are listed): runs still marked running whose
// engine process is gone become "interrupted", their unfinished nodes canceled, and any node processes they left
// behind are killed.
import type { RunEvent } from '../../shared/runs/run-events';
import type { RunsRepo } from '../store/runs.repo';
import { ownerAlive } from './owner-identity';
import { killMarked } from './marked-processes';

export const INTERRUPTED_MESSAGE = 'interrupted: Pipewright stopped (crash, kill or power loss) while this ran';

/**
 * Marks orphaned runs interrupted; returns their ids. Runs owned by another live Pipewright process are left alone.
 * Several processes may recover at once (the app lists runs while a CLI starts): each run is marked under the write
 * lock, after checking it is still running there, so its events are written once.
 */
export function recoverInterruptedRuns(runs: RunsRepo): string[] {
  const recovered: string[] = [];
  for (const orphan of runs.running()) {
    if (ownerAlive(orphan.ownerPid, orphan.ownerStart)) continue;
    // Node processes outlive a killed engine (they lead their own process groups), and so does what they started. They
    // are found by the run's marker, not by the pids stored: an engine killed right after a start had not stored it.
    killMarked({ runId: orphan.id });
    runs.transaction(() => {
      const run = runs.running().find((r) => r.id === orphan.id);
      if (!run) return;
      const at = Date.now();
      let seq = run.lastSeq;
      const events: RunEvent[] = runs.unfinishedNodes(run.id).map((nodeId) => ({
        type: 'node.finished',
        runId: run.id,
        seq: ++seq,
        at,
        nodeId,
        status: 'canceled',
        exitCode: null,
        durationMs: 0,
        cached: false,
        attempts: 0,
        error: INTERRUPTED_MESSAGE,
      }));
      const durationMs = Math.max(0, at - Date.parse(run.startedAt));
      events.push({ type: 'run.finished', runId: run.id, seq: ++seq, at, status: 'interrupted', durationMs, counts: {}, error: INTERRUPTED_MESSAGE });
      for (const event of events) runs.applyEvent(event);
      runs.noteLastSeq(run.id, seq);
      recovered.push(run.id);
    });
  }
  return recovered;
}
