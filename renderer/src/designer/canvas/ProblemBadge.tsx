// The badge a node shows when validation found problems with it: red for errors, amber for warnings only.
import { memo } from 'react';
import { useApp } from '../../store/store-context';

export const ProblemBadge = memo(function ProblemBadge({ nodeId }: { nodeId: string }) {
  const problems = useApp((s) => s.problemsByNode.get(nodeId));
  if (!problems) return null;
  const count = problems.errors + problems.warnings;
  const kind = problems.errors > 0 ? 'error' : 'warning';
  const summary = `${count} problem${count === 1 ? '' : 's'}: ${problems.messages.join('; ')}`;
  return (
    <span className={`problem-badge problem-badge-${kind}`} data-testid="problem-badge" role="img" aria-label={summary} title={problems.messages.join('\n')}>
      {count}
    </span>
  );
});
