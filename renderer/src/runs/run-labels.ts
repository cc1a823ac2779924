// How node states and run statuses look everywhere in the UI: one icon and label per state.
import type { NodeState, RunStatus } from '../../../shared/runs/run-status';

export const STATE_ICONS: Record<NodeState | RunStatus, string> = {
  queued: '…',
  running: '▶',
  succeeded: '✔',
  failed: '✖',
  cached: '↺',
  skipped: '–',
  canceled: '■',
  interrupted: '⚡',
};

/**
 * A node's error as its canvas badge has room for it (~30 characters): what the process said rather than how it
 * ended — "depth must be positive", not "exited with code 3: depth must…". The badge's tooltip keeps the whole error.
 */
export function badgeError(error: string): string {
  return /^(?:exited with code -?\d+|killed by SIG[A-Z0-9]+): (.+)$/s.exec(error)?.[1] ?? error;
}

/** Words for screen readers and tooltips. */
export function stateLabel(state: NodeState | RunStatus): string {
  return state === 'cached' ? 'cached (not re-run)' : state === 'skipped' ? 'skipped (an upstream node failed)' : state;
}
