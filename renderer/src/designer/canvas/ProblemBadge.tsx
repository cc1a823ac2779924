// The badge a node shows when validation found problems with it: red for errors, amber for warnings only. Clicking it
// opens the Problems tab.
import { memo } from 'react';
import { useApp, useAppStore } from '../../store/store-context';

export const ProblemBadge = memo(function ProblemBadge({ nodeId }: { nodeId: string }) {
  const problems = useApp((s) => s.problemsByNode.get(nodeId));
  const store = useAppStore();
  if (!problems) return null;
  const count = problems.errors + problems.warnings;
  const kind = problems.errors > 0 ? 'error' : 'warning';
  const summary = `${count} problem${count === 1 ? '' : 's'}: ${problems.messages.join('; ')}`;
  return (
    <button
      type="button"
      className={`problem-badge problem-badge-${kind} nodrag`}
      data-testid="problem-badge"
      aria-label={summary}
      title={problems.messages.join('\n')}
      onClick={() => store.getState().setBottomTab('problems')}
    >
      {count}
    </button>
  );
});
