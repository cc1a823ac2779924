// Marks the canvas nodes that export problems name (data-export-problem = worst severity) and the node of the problem
// the user clicked (data-export-focus), on React Flow's own node elements — so it works with whatever canvas renders them.
import { useEffect } from 'react';
import type { Problem } from '../../../shared/validation/problem';

const RANK = { error: 3, warning: 2, info: 1 } as const;

export function useCanvasHighlight(problems: readonly Problem[], focusNodeId: string | null): void {
  useEffect(() => {
    const worst = new Map<string, Problem['severity']>();
    for (const p of problems) {
      for (const id of [p.nodeId, ...(p.relatedNodeIds ?? [])]) {
        const current = id ? worst.get(id) : undefined;
        if (id && (!current || RANK[p.severity] > RANK[current])) worst.set(id, p.severity);
      }
    }
    const marked: Element[] = [];
    for (const element of document.querySelectorAll('.react-flow__node[data-id]')) {
      const id = element.getAttribute('data-id')!;
      const severity = worst.get(id);
      if (severity) element.setAttribute('data-export-problem', severity);
      if (id === focusNodeId) {
        element.setAttribute('data-export-focus', 'true');
        element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      }
      if (severity || id === focusNodeId) marked.push(element);
    }
    return () => {
      for (const element of marked) {
        element.removeAttribute('data-export-problem');
        element.removeAttribute('data-export-focus');
      }
    };
  }, [problems, focusNodeId]);
}
