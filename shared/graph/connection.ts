// Decides whether a new edge may be drawn, and says why not: the canvas refuses and shows the reason.
import type { NodeTypeLookup } from '../nodes/index';
import type { Pipeline } from '../pipeline/pipeline.schema';
import { wouldCreateCycle } from './dag';
import { isPortCompatible, nodePorts } from './ports';

/** A connection the user is trying to make. */
export interface ConnectionCandidate {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export type ConnectionVerdict = { ok: true } | { ok: false; code: string; reason: string };

/** Checks node and port existence, type compatibility, single-input occupancy, duplicates and cycles. */
export function checkConnection(
  pipeline: Pick<Pipeline, 'nodes' | 'edges'>,
  lookup: NodeTypeLookup,
  candidate: ConnectionCandidate,
): ConnectionVerdict {
  const source = pipeline.nodes.find((n) => n.id === candidate.source);
  const target = pipeline.nodes.find((n) => n.id === candidate.target);
  if (!source || !target) return refuse('unknown-node', 'both ends of a connection must be nodes on this canvas');
  if (source.id === target.id) return refuse('self-loop', 'a node cannot feed itself');
  if (wouldCreateCycle(source.id, target.id, pipeline.edges)) {
    return refuse('cycle', `connecting ${source.id} → ${target.id} would create a cycle: ${target.id} already leads to ${source.id}`);
  }
  const orderOnly = !candidate.sourceHandle && !candidate.targetHandle;
  if (orderOnly) return { ok: true };
  if (!candidate.sourceHandle || !candidate.targetHandle) {
    return refuse('mixed-handles', 'connect a typed output to a typed input, or the two run-order handles to each other');
  }
  const out = nodePorts(source, lookup(source.type)).outputs.find((p) => p.id === candidate.sourceHandle);
  const input = nodePorts(target, lookup(target.type)).inputs.find((p) => p.id === candidate.targetHandle);
  if (!out) return refuse('unknown-port', `${source.id} has no output port "${candidate.sourceHandle ?? ''}"`);
  if (!input) return refuse('unknown-port', `${target.id} has no input port "${candidate.targetHandle ?? ''}"`);
  if (!isPortCompatible(out.type, input.type)) {
    return refuse(
      'port-type-mismatch',
      `${source.id}.${out.id} produces a ${out.type}, but ${target.id}.${input.id} expects a ${input.type}`,
    );
  }
  const existing = pipeline.edges.filter((e) => e.target === target.id && e.targetHandle === input.id);
  if (existing.some((e) => e.source === source.id && e.sourceHandle === out.id)) {
    return refuse('duplicate-edge', 'these two ports are already connected');
  }
  if (!input.multiple && existing.length > 0) {
    return refuse('input-occupied', `${target.id}.${input.id} takes one input and is already connected to ${existing[0]!.source}`);
  }
  return { ok: true };
}

function refuse(code: string, reason: string): ConnectionVerdict {
  return { ok: false, code, reason };
}
