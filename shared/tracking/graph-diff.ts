// Differences between two revisions of a pipeline: nodes only in A or only in B, changed params/settings/type, edges.
import type { Pipeline, PipelineEdge, PipelineNode } from '../pipeline/pipeline.schema';

/** One changed value inside a node that exists in both revisions. */
export interface ValueChange {
  /** Dotted path, e.g. `params.maxDepth` or `settings.retries`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface GraphDiff {
  onlyInA: string[];
  onlyInB: string[];
  changed: Array<{ nodeId: string; changes: ValueChange[] }>;
  edgesOnlyInA: string[];
  edgesOnlyInB: string[];
  /** Pipeline parameters whose declaration or default differ. */
  parameters: ValueChange[];
}

/** Structural diff; positions, labels and notes are layout, not behaviour, and are ignored. */
export function diffPipelines(a: Pipeline, b: Pipeline): GraphDiff {
  const nodesA = new Map(a.nodes.map((n) => [n.id, n]));
  const nodesB = new Map(b.nodes.map((n) => [n.id, n]));
  const changed: GraphDiff['changed'] = [];
  for (const [id, nodeA] of nodesA) {
    const nodeB = nodesB.get(id);
    if (!nodeB) continue;
    const changes = nodeChanges(nodeA, nodeB);
    if (changes.length > 0) changed.push({ nodeId: id, changes });
  }
  const edgeKey = (e: PipelineEdge) => `${e.source}.${e.sourceHandle ?? '*'} → ${e.target}.${e.targetHandle ?? '*'}`;
  const edgesA = new Set(a.edges.map(edgeKey));
  const edgesB = new Set(b.edges.map(edgeKey));
  return {
    onlyInA: [...nodesA.keys()].filter((id) => !nodesB.has(id)),
    onlyInB: [...nodesB.keys()].filter((id) => !nodesA.has(id)),
    changed,
    edgesOnlyInA: [...edgesA].filter((k) => !edgesB.has(k)),
    edgesOnlyInB: [...edgesB].filter((k) => !edgesA.has(k)),
    parameters: valueChanges(
      Object.fromEntries(a.parameters.map((p) => [p.name, p])),
      Object.fromEntries(b.parameters.map((p) => [p.name, p])),
      'parameters',
    ),
  };
}

/** True when nothing but layout differs. */
export function isEmptyDiff(diff: GraphDiff): boolean {
  return [diff.onlyInA, diff.onlyInB, diff.changed, diff.edgesOnlyInA, diff.edgesOnlyInB, diff.parameters].every((l) => l.length === 0);
}

function nodeChanges(a: PipelineNode, b: PipelineNode): ValueChange[] {
  const changes: ValueChange[] = [];
  if (a.type !== b.type) changes.push({ path: 'type', before: a.type, after: b.type });
  changes.push(...valueChanges(a.params, b.params, 'params'));
  changes.push(...valueChanges(a.settings ?? {}, b.settings ?? {}, 'settings'));
  changes.push(...valueChanges({ inputs: a.inputs ?? [], outputs: a.outputs ?? [] }, { inputs: b.inputs ?? [], outputs: b.outputs ?? [] }, 'ports'));
  return changes;
}

/** Leaf-level differences between two JSON values (arrays compared whole). */
function valueChanges(before: unknown, after: unknown, path: string): ValueChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => valueChanges(before[k], after[k], `${path}.${k}`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
