// Validation of the open document (shared/validation), run shortly after each change and skipped when only positions
// moved; nodes look their problems up by id so a badge re-renders only when its own problems change.
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { Problem } from '../../../shared/validation/problem';
import { validatePipeline } from '../../../shared/validation/validate-pipeline';
import type { SliceCreator } from './app-store';

/** Validation waits this long after an edit, so a burst of keystrokes validates once. */
export const VALIDATION_DELAY_MS = 40;

/** The problems touching one node. */
export interface NodeProblems {
  errors: number;
  warnings: number;
  messages: string[];
}

export interface ProblemsSlice {
  problems: readonly Problem[];
  problemsByNode: ReadonlyMap<string, NodeProblems>;
  scheduleValidation(): void;
  /** Validates now (tests and the Problems panel's refresh). */
  validateNow(): void;
}

export const createProblemsSlice: SliceCreator<ProblemsSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let validated: Pipeline | null = null;

  const validateNow = () => {
    clearTimeout(timer);
    timer = undefined;
    const document = get().document;
    if (document === validated) return;
    const previous = validated;
    validated = document;
    if (!document) return set({ problems: [], problemsByNode: new Map() });
    if (previous && onlyPositionsDiffer(previous, document)) return;
    const problems = validatePipeline(document);
    set({ problems, problemsByNode: byNode(problems, get().problemsByNode) });
  };

  return {
    problems: [],
    problemsByNode: new Map(),
    scheduleValidation() {
      if (timer === undefined) timer = setTimeout(validateNow, VALIDATION_DELAY_MS);
    },
    validateNow,
  };
};

/** True when the documents differ only in node/note positions (a drag): validation results cannot change. */
export function onlyPositionsDiffer(a: Pipeline, b: Pipeline): boolean {
  if (a.parameters !== b.parameters || a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return (
      n === m ||
      (n.id === m.id && n.type === m.type && n.params === m.params && n.label === m.label && n.inputs === m.inputs && n.outputs === m.outputs && n.settings === m.settings)
    );
  });
}

/** Groups problems by every node they mention; unchanged entries keep their objects so badges don't re-render. */
function byNode(problems: readonly Problem[], previous: ReadonlyMap<string, NodeProblems>): Map<string, NodeProblems> {
  const map = new Map<string, NodeProblems>();
  for (const p of problems) {
    for (const id of new Set([p.nodeId, ...(p.relatedNodeIds ?? [])])) {
      if (!id) continue;
      const entry = map.get(id) ?? { errors: 0, warnings: 0, messages: [] };
      if (p.severity === 'error') entry.errors++;
      else if (p.severity === 'warning') entry.warnings++;
      entry.messages.push(p.message);
      map.set(id, entry);
    }
  }
  for (const [id, entry] of map) {
    const old = previous.get(id);
    if (old && old.errors === entry.errors && old.warnings === entry.warnings && old.messages.join('\n') === entry.messages.join('\n')) map.set(id, old);
  }
  return map;
}
