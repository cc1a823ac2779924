// The capability lint (and validation) problems of the chosen target; clicking one highlights its node on the canvas.
import type { Problem } from '../../../shared/validation/problem';
import { useApp } from '../store/store-context';

const ICONS = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

export function ExportProblems({ problems }: { problems: readonly Problem[] }) {
  const focus = useApp((s) => s.focusExportProblem);
  const focused = useApp((s) => s.exportFocusNodeId);
  if (problems.length === 0) return <p className="export-clean">The target can express everything in this pipeline.</p>;
  return (
    <ul className="export-problems" aria-label="Export problems">
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.nodeId ?? ''}-${i}`} className={`export-problem export-problem-${p.severity}`} data-testid="export-problem" data-code={p.code}>
          <button type="button" aria-pressed={p.nodeId !== undefined && focused === p.nodeId} disabled={!p.nodeId} onClick={() => focus(focused === p.nodeId ? null : (p.nodeId ?? null))}>
            <span aria-label={p.severity}>{ICONS[p.severity]}</span> {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
