// Copy and paste: a selection becomes an ordinary pipeline document (so the clipboard holds a valid pipeline file),
// and any pipeline document can be pasted into another with fresh ids, moved to where the user is looking.
import { CURRENT_SCHEMA_VERSION, type Pipeline, type PipelineParameter } from '../pipeline/pipeline.schema';
import { referencedParameters } from '../pipeline/placeholders';
import type { XY } from './graph-edit';
import { uniqueId } from './unique-id';

/** Name written into copied fragments; pasting ignores the name. */
export const FRAGMENT_NAME = 'clipboard';

/** The selected nodes and notes, the edges between selected nodes, and the parameters those nodes reference. */
export function extractFragment(doc: Pipeline, nodeIds: Iterable<string>, noteIds: Iterable<string> = []): Pipeline {
  const nodes = new Set(nodeIds);
  const notes = new Set(noteIds);
  const picked = doc.nodes.filter((n) => nodes.has(n.id));
  const used = new Set<string>();
  for (const n of picked) referencedParameters(n.params, used);
  const pickedNotes = (doc.notes ?? []).filter((n) => notes.has(n.id));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: FRAGMENT_NAME,
    parameters: doc.parameters.filter((p) => used.has(p.name)),
    nodes: picked,
    edges: doc.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    ...(pickedNotes.length > 0 ? { notes: pickedNotes } : {}),
  };
}

/** What a paste added, so the canvas can select it. */
export interface PasteResult {
  doc: Pipeline;
  nodeIds: string[];
  noteIds: string[];
  /** Parameters the fragment declared that the target lacked, now added to it. */
  addedParameters: string[];
}

/**
 * Inserts `fragment` into `doc`: node, edge and note ids are renamed where taken, edges follow their nodes, and the
 * fragment's top-left corner lands on `at` (or is offset by `offset` from where it was, for duplicate).
 */
export function insertFragment(doc: Pipeline, fragment: Pipeline, placement: { at: XY } | { offset: XY }): PasteResult {
  const shift = placementShift(fragment, placement);
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const nodeIdMap = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = uniqueId(n.id, takenNodes);
    nodeIdMap.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + shift.x, y: n.position.y + shift.y } };
  });
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const edges = fragment.edges
    .filter((e) => nodeIdMap.has(e.source) && nodeIdMap.has(e.target))
    .map((e) => ({ ...e, id: uniqueId(e.id, takenEdges), source: nodeIdMap.get(e.source)!, target: nodeIdMap.get(e.target)! }));
  const takenNotes = new Set((doc.notes ?? []).map((n) => n.id));
  const notes = (fragment.notes ?? []).map((n) => ({
    ...n,
    id: uniqueId(n.id, takenNotes),
    position: { x: n.position.x + shift.x, y: n.position.y + shift.y },
  }));
  const declared = new Set(doc.parameters.map((p) => p.name));
  const addedParameters: PipelineParameter[] = fragment.parameters.filter((p) => !declared.has(p.name));
  const allNotes = [...(doc.notes ?? []), ...notes];
  return {
    doc: {
      ...doc,
      parameters: addedParameters.length > 0 ? [...doc.parameters, ...addedParameters] : doc.parameters,
      nodes: [...doc.nodes, ...nodes],
      edges: edges.length > 0 ? [...doc.edges, ...edges] : doc.edges,
      ...(allNotes.length > 0 ? { notes: allNotes } : {}),
    },
    nodeIds: nodes.map((n) => n.id),
    noteIds: notes.map((n) => n.id),
    addedParameters: addedParameters.map((p) => p.name),
  };
}

function placementShift(fragment: Pipeline, placement: { at: XY } | { offset: XY }): XY {
  if ('offset' in placement) return placement.offset;
  const points = [...fragment.nodes, ...(fragment.notes ?? [])].map((n) => n.position);
  if (points.length === 0) return { x: 0, y: 0 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  return { x: Math.round(placement.at.x - minX), y: Math.round(placement.at.y - minY) };
}
