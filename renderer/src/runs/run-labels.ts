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

/** Words for screen readers and tooltips. */
export function stateLabel(state: NodeState | RunStatus): string {
  return state === 'cached' ? 'cached (not re-run)' : state === 'skipped' ? 'skipped (an upstream node failed)' : state;
}
