// Pure edits of a pipeline document (add, move, connect, remove, rename, set params/ports/settings): each returns a
// new document and leaves untouched nodes and edges as the same objects, so the canvas re-renders only what changed.
import type { ConnectionCandidate } from './connection';
import { nodeIdStem, uniqueId } from './unique-id';
import type { NodeSettings, Pipeline, PipelineEdge, PipelineNode, PipelineNote, Port } from '../pipeline/pipeline.schema';

/** A point on the canvas, in flow coordinates. */
export interface XY {
  x: number;
  y: number;
}

/** Ids of elements to act on together (a selection). */
export interface ElementIds {
  nodes?: Iterable<string>;
  edges?: Iterable<string>;
  notes?: Iterable<string>;
}

/** Adds a node of `type` at `position`; its id is derived from the type and unique. */
export function addNode(doc: Pipeline, type: string, position: XY, label?: string): { doc: Pipeline; id: string } {
  const id = uniqueId(nodeIdStem(type), new Set(doc.nodes.map((n) => n.id)));
  const node: PipelineNode = { id, type, ...(label ? { label } : {}), params: {}, position: roundXY(position) };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Moves nodes (and notes) to new positions; ids not in the maps keep their objects. */
export function moveElements(doc: Pipeline, nodes: ReadonlyMap<string, XY>, notes: ReadonlyMap<string, XY> = new Map()): Pipeline {
  const movedNodes = nodes.size === 0 ? doc.nodes : doc.nodes.map((n) => (nodes.has(n.id) ? { ...n, position: roundXY(nodes.get(n.id)!) } : n));
  const movedNotes =
    notes.size === 0 || !doc.notes ? doc.notes : doc.notes.map((n) => (notes.has(n.id) ? { ...n, position: roundXY(notes.get(n.id)!) } : n));
  return { ...doc, nodes: movedNodes, ...(movedNotes ? { notes: movedNotes } : {}) };
}

/** Adds an edge for a connection already checked with checkConnection; returns its id. */
export function addEdge(doc: Pipeline, c: ConnectionCandidate): { doc: Pipeline; id: string } {
  const id = uniqueId(`e-${c.source}-${c.target}`, new Set(doc.edges.map((e) => e.id)));
  const edge: PipelineEdge = {
    id,
    source: c.source,
    ...(c.sourceHandle ? { sourceHandle: c.sourceHandle } : {}),
    target: c.target,
    ...(c.targetHandle ? { targetHandle: c.targetHandle } : {}),
  };
  return { doc: { ...doc, edges: [...doc.edges, edge] }, id };
}

/** Removes nodes (with every edge touching them), edges and notes. */
export function removeElements(doc: Pipeline, ids: ElementIds): Pipeline {
  const nodes = new Set(ids.nodes ?? []);
  const edges = new Set(ids.edges ?? []);
  const notes = new Set(ids.notes ?? []);
  if (nodes.size + edges.size + notes.size === 0) return doc;
  const keptNotes = doc.notes?.filter((n) => !notes.has(n.id));
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
    ...(keptNotes ? { notes: keptNotes } : {}),
  };
}

/** Replaces one node through `update`; the document is returned unchanged when the node does not exist. */
export function updateNode(doc: Pipeline, id: string, update: (node: PipelineNode) => PipelineNode): Pipeline {
  const index = doc.nodes.findIndex((n) => n.id === id);
  if (index < 0) return doc;
  const nodes = doc.nodes.slice();
  nodes[index] = update(nodes[index]!);
  return { ...doc, nodes };
}

/** Sets one param; `undefined` removes it so the node type's default applies. */
export function setNodeParam(doc: Pipeline, id: string, name: string, value: unknown): Pipeline {
  return updateNode(doc, id, (node) => {
    const params = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    return { ...node, params };
  });
}

/** Sets the label; an empty label removes it (the canvas then shows the type's title). */
export function setNodeLabel(doc: Pipeline, id: string, label: string): Pipeline {
  return updateNode(doc, id, ({ label: _old, ...node }) => (label === '' ? node : { ...node, label }));
}

/** Replaces the run settings; empty settings are dropped from the document. */
export function setNodeSettings(doc: Pipeline, id: string, settings: NodeSettings): Pipeline {
  const cleaned = dropEmpty(settings) as NodeSettings | undefined;
  return updateNode(doc, id, ({ settings: _old, ...node }) => (cleaned ? { ...node, settings: cleaned } : node));
}

/**
 * Replaces a node's user-declared ports on one side. `renamed` maps old port ids to new ones so edges follow a
 * rename; edges on ports that no longer exist are removed in the same edit.
 */
export function setNodePorts(
  doc: Pipeline,
  id: string,
  side: 'inputs' | 'outputs',
  ports: Port[],
  renamed: ReadonlyMap<string, string> = new Map(),
): Pipeline {
  const next = updateNode(doc, id, ({ [side]: _old, ...node }) => (ports.length > 0 ? { ...node, [side]: ports } : node));
  const ids = new Set(ports.map((p) => p.id));
  const end = side === 'inputs' ? ('target' as const) : ('source' as const);
  const handle = side === 'inputs' ? ('targetHandle' as const) : ('sourceHandle' as const);
  let changed = false;
  const edges = next.edges.flatMap((e) => {
    if (e[end] !== id || !e[handle]) return [e];
    const renamedTo = renamed.get(e[handle]);
    if (renamedTo !== undefined && ids.has(renamedTo)) {
      changed = true;
      return [{ ...e, [handle]: renamedTo }];
    }
    if (ids.has(e[handle])) return [e];
    changed = true;
    return [];
  });
  return changed ? { ...next, edges } : next;
}

/** Renames a node id, re-pointing its edges. The caller checks the new id is valid and free. */
export function renameNode(doc: Pipeline, from: string, to: string): Pipeline {
  if (from === to) return doc;
  const next = updateNode(doc, from, (n) => ({ ...n, id: to }));
  return {
    ...next,
    edges: next.edges.map((e) =>
      e.source === from || e.target === from
        ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
        : e,
    ),
  };
}

/** Adds a sticky note; returns its id. */
export function addNote(doc: Pipeline, position: XY, text = ''): { doc: Pipeline; id: string } {
  const notes = doc.notes ?? [];
  const id = uniqueId('note', new Set(notes.map((n) => n.id)));
  return { doc: { ...doc, notes: [...notes, { id, text, position: roundXY(position), width: 200, height: 120 }] }, id };
}

/** Replaces fields of one note. */
export function updateNote(doc: Pipeline, id: string, patch: Partial<Omit<PipelineNote, 'id'>>): Pipeline {
  if (!doc.notes?.some((n) => n.id === id)) return doc;
  return { ...doc, notes: doc.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

/** Canvas positions are stored as whole numbers: sub-pixel noise would make every drag a diff. */
function roundXY(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** Removes undefined/empty values recursively; returns undefined when nothing is left. */
function dropEmpty(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value === '' ? undefined : value;
  const entries = Object.entries(value)
    .map(([k, v]) => [k, dropEmpty(v)] as const)
    .filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
