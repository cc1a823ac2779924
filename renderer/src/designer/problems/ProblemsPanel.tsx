// The Problems tab: every validation problem of the open pipeline; choosing one selects and centres its node or edge.
import { useReactFlow } from '@xyflow/react';
import type { Problem } from '../../../../shared/validation/problem';
import { useApp, useAppStore } from '../../store/store-context';
import { focusEdge, focusElement } from '../actions';

export function ProblemsTabTitle() {
  const errors = useApp((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useApp((s) => s.problems.filter((p) => p.severity === 'warning').length);
  return (
    <>
      Problems{' '}
      <span className={`count${errors > 0 ? ' count-error' : ''}`} data-testid="problem-count">
        {errors + warnings}
      </span>
    </>
  );
}

export function ProblemsPanel() {
  const problems = useApp((s) => s.problems);
  const hasDocument = useApp((s) => s.document !== null);
  const store = useAppStore();
  const flow = useReactFlow();
  if (!hasDocument) return <p className="hint">No pipeline open.</p>;
  if (problems.length === 0) return <p className="hint">No problems: the pipeline is ready to run.</p>;
  const go = (problem: Problem) => {
    if (problem.nodeId) focusElement(store.getState(), flow, problem.nodeId);
    else if (problem.edgeId) focusEdge(store.getState(), flow, problem.edgeId);
    else store.getState().clearSelection(); // pipeline-level: the pipeline inspector shows parameters
  };
  return (
    <ul className="problems-list" aria-label="Problems" data-testid="problems-list">
      {problems.map((problem, i) => (
        <li key={i}>
          <button type="button" className={`problem problem-${problem.severity}`} onClick={() => go(problem)}>
            <span className="problem-severity">{problem.severity}</span>
            <span className="problem-message">{problem.message}</span>
            <span className="problem-where">{problem.nodeId ?? problem.edgeId ?? problem.path ?? ''}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
