// Node states and run statuses (DESIGN §5), with the labels and "is it over?" rules every view shares.

/** Where one node of a run is. `queued` until it starts; the last five are final. */
export const NODE_STATES = ['queued', 'running', 'succeeded', 'failed', 'cached', 'skipped', 'canceled'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/** States a node ends in. */
export type FinalNodeState = Exclude<NodeState, 'queued' | 'running'>;

/**
 * Where a whole run is. `interrupted`: the process that ran it died (crash, kill, power loss) and the next start of
 * Pipewright found it still marked running.
 */
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'canceled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who started a run. */
export type RunTrigger = 'ui' | 'cli' | 'api' | 'rerun';

/** Where a log line came from; `system` lines are written by the runner itself (retries, timeouts, kills). */
export type LogStream = 'stdout' | 'stderr' | 'system';

/** The streams a node's own processes write. */
export type ProcessStream = Exclude<LogStream, 'system'>;

export function isFinalNodeState(state: NodeState): state is FinalNodeState {
  return state !== 'queued' && state !== 'running';
}

/** A node whose outputs downstream nodes may use. */
export function isSuccessState(state: NodeState): boolean {
  return state === 'succeeded' || state === 'cached';
}
