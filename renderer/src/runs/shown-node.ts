// Which node the run panel shows when the user has not picked one: what needs attention, else what is happening.
import type { RunState } from '../../../shared/runs/run-state';

/**
 * The first failed node; else the node that started last among those running; else the one that started last of all
 * (so when a run ends the panel stays on the node it followed, not back at the first); else the first node.
 */
export function nodeToShow(run: RunState): string | undefined {
  const failed = run.nodeIds.find((id) => run.nodes[id]!.status === 'failed');
  if (failed) return failed;
  return latestStarted(run, (id) => run.nodes[id]!.status === 'running') ?? latestStarted(run, () => true) ?? run.nodeIds[0];
}

function latestStarted(run: RunState, include: (id: string) => boolean): string | undefined {
  let latest: string | undefined;
  for (const id of run.nodeIds) {
    const startedAt = run.nodes[id]!.startedAt;
    if (startedAt !== undefined && include(id) && (latest === undefined || startedAt >= run.nodes[latest]!.startedAt!)) latest = id;
  }
  return latest;
}
