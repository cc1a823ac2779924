// The graph fingerprint: a stable hash of what changes an export (nodes, types, params, ports, settings, edges,
// parameters) and nothing that doesn't (positions, labels, notes, description, edge ids, document order).
import type { Pipeline } from '../pipeline/pipeline.schema';
import { sortKeysDeep } from '../pipeline/pipeline-file';
import { fnv1a64 } from './fnv1a64';

/** `fnv1a64:<16 hex digits>` of the pipeline's graph. */
export function graphFingerprint(pipeline: Pipeline): string {
  const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const edgeKey = (e: Pipeline['edges'][number]) => [e.source, e.sourceHandle ?? '', e.target, e.targetHandle ?? ''].join('\u0000');
  const graph = {
    parameters: [...pipeline.parameters].sort(byKey((p) => p.name)),
    nodes: [...pipeline.nodes]
      .sort(byKey((n) => n.id))
      .map((n) => ({ id: n.id, type: n.type, params: n.params, inputs: n.inputs ?? [], outputs: n.outputs ?? [], settings: n.settings ?? {} })),
    edges: [...pipeline.edges].sort(byKey(edgeKey)).map((e) => [e.source, e.sourceHandle ?? null, e.target, e.targetHandle ?? null]),
  };
  return `fnv1a64:${fnv1a64(JSON.stringify(sortKeysDeep(graph)))}`;
}
