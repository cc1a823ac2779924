// The one shape every check reports in: validation, capability lint, file parsing.
/** How bad a problem is: errors block running and exporting, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding, located as precisely as possible so the canvas can badge it and the CLI can print it. */
export interface Problem {
  /** Whether it blocks running/exporting. */
  severity: Severity;
  /** Stable machine-readable code, e.g. `cycle`, `port-type-mismatch`. */
  code: string;
  /** Human sentence saying what is wrong and what to do. */
  message: string;
  /** The node the problem belongs to, if any. */
  nodeId?: string;
  /** Further nodes involved (e.g. every node of a cycle), so each can be badged. */
  relatedNodeIds?: string[];
  /** The edge the problem belongs to, if any. */
  edgeId?: string;
  /** Path inside the document or the node's params, e.g. `nodes.2.params.testSize`. */
  path?: string;
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One line per problem, for terminals and logs. */
export function formatProblem(problem: Problem): string {
  const where = [problem.nodeId && `node ${problem.nodeId}`, problem.edgeId && `edge ${problem.edgeId}`, problem.path]
    .filter(Boolean)
    .join(', ');
  return `${problem.severity}: ${problem.message}${where ? ` (${where})` : ''} [${problem.code}]`;
}
