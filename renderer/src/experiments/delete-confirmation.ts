// The question asked before runs are deleted: what goes with them, and that it cannot be undone.
import type { ConfirmRequest } from '../store/ui.slice';

export function deleteConfirmation(runIds: readonly string[], onConfirm: () => void): ConfirmRequest {
  const runs = runIds.length === 1 ? `run ${runIds[0]}` : `${runIds.length} runs`;
  return {
    title: `Delete ${runs}?`,
    body: 'Their logs, outputs, metrics and notes are deleted from disk, with the cached results they made (those nodes run again next time). Registered model versions and deployments stay. This cannot be undone.',
    confirmLabel: 'Delete',
    onConfirm,
  };
}
