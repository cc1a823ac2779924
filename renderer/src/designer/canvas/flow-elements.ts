// Derives React Flow's nodes and edges from the document, the selection and measured sizes. Unchanged elements keep
// their previous objects, so React Flow and the memoised node components skip them (1,000-node canvases stay fast).
import type { Edge, Node } from '@xyflow/react';
import { nodePorts } from '../../../../shared/graph/ports';
import { getNodeType } from '../../../../shared/nodes/index';
import type { Pipeline, PipelineEdge, PipelineNode, PipelineNote } from '../../../../shared/pipeline/pipeline.schema';
import type { Size } from '../../store/canvas.slice';
import type { Selection } from '../../store/selection.slice';

/** `node.data` of a pipeline node: plain data only (DESIGN §8). */
export interface PipelineNodeData extends Record<string, unknown> {
  type: string;
  params: Record<string, unknown>;
  label: string | undefined;
  /** Ports the user declared on the node (types that allow it): the node draws their handles. */
  inputs: PipelineNode['inputs'];
  outputs: PipelineNode['outputs'];
}

/** `node.data` of a sticky note. */
export interface NoteNodeData extends Record<string, unknown> {
  text: string;
}

export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type FlowNode = PipelineFlowNode | NoteFlowNode;

/** Canvas ids of notes are prefixed; ":" cannot occur in node ids, so they never collide. */
export const NOTE_PREFIX = 'note:';
export const noteFlowId = (id: string) => `${NOTE_PREFIX}${id}`;
export const isNoteFlowId = (id: string) => id.startsWith(NOTE_PREFIX);
export const noteIdOf = (flowId: string) => flowId.slice(NOTE_PREFIX.length);

/** A derived element and what it was derived from; `dep` is the measured size (nodes) or the source node (edges). */
interface Cached<S, F> {
  source: S;
  selected: boolean;
  dep: unknown;
  flow: F;
}

/** Per-canvas memory of the last derived objects. */
export interface FlowCache {
  nodes: Map<string, Cached<PipelineNode | PipelineNote, FlowNode>>;
  edges: Map<string, Cached<PipelineEdge, Edge>>;
  /** The last edges array: returned again when no edge changed, so React Flow skips rebuilding its edge lookups. */
  edgeList: Edge[];
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map(), edgeList: [] };
}

/** React Flow nodes: pipeline nodes, then notes (drawn underneath). */
export function toFlowNodes(doc: Pipeline, selection: Selection, measured: ReadonlyMap<string, Size>, cache: FlowCache): FlowNode[] {
  const next = new Map<string, Cached<PipelineNode | PipelineNote, FlowNode>>();
  const reuse = (
    id: string,
    source: PipelineNode | PipelineNote,
    selected: boolean,
    make: (size: Size | undefined, old: FlowNode | undefined) => FlowNode,
  ) => {
    const size = measured.get(id);
    const old = cache.nodes.get(id);
    const flow = old && old.source === source && old.selected === selected && old.dep === size ? old.flow : make(size, old?.flow);
    next.set(id, { source, selected, dep: size, flow });
    return flow;
  };
  const notes = (doc.notes ?? []).map((note) => {
    const id = noteFlowId(note.id);
    return reuse(id, note, selection.notes.has(note.id), (size) => noteFlowNode(id, note, selection.notes.has(note.id), size));
  });
  const nodes = doc.nodes.map((node) =>
    reuse(node.id, node, selection.nodes.has(node.id), (size, old) =>
      pipelineFlowNode(node, selection.nodes.has(node.id), size, old as PipelineFlowNode | undefined),
    ),
  );
  cache.nodes = next;
  return [...notes, ...nodes];
}

/** React Flow edges, classed by the artifact type they carry (order-only edges are dashed). */
export function toFlowEdges(doc: Pipeline, selection: Selection, nodeIndex: ReadonlyMap<string, PipelineNode>, cache: FlowCache): Edge[] {
  const next = new Map<string, Cached<PipelineEdge, Edge>>();
  const edges = doc.edges.map((edge) => {
    const selected = selection.edges.has(edge.id);
    const sourceNode = nodeIndex.get(edge.source);
    // The edge's look depends on its source's ports only: moving the source must not recreate the edge.
    const dep = sourceNode?.outputs ?? sourceNode?.type;
    const old = cache.edges.get(edge.id);
    const flow = old && old.source === edge && old.selected === selected && old.dep === dep ? old.flow : flowEdge(edge, selected, sourceNode);
    next.set(edge.id, { source: edge, selected, dep, flow });
    return flow;
  });
  cache.edges = next;
  const unchanged = edges.length === cache.edgeList.length && edges.every((e, i) => e === cache.edgeList[i]);
  if (!unchanged) cache.edgeList = edges;
  return cache.edgeList;
}

function pipelineFlowNode(node: PipelineNode, selected: boolean, size: Size | undefined, old: PipelineFlowNode | undefined): PipelineFlowNode {
  // Keep the data object while only the position or selection changed: the node component then skips re-rendering.
  const sameData =
    old &&
    old.data.params === node.params &&
    old.data.type === node.type &&
    old.data.label === node.label &&
    old.data.inputs === node.inputs &&
    old.data.outputs === node.outputs;
  const title = getNodeType(node.type)?.title ?? `unknown type ${node.type}`;
  return {
    id: node.id,
    type: 'pipeline',
    position: node.position,
    data: sameData ? old.data : { type: node.type, params: node.params, label: node.label, inputs: node.inputs, outputs: node.outputs },
    selected,
    ariaLabel: node.label ? `${node.label} (${title}, id ${node.id})` : `${node.id} (${title})`,
    ...(size ? { measured: size } : {}),
  };
}

function noteFlowNode(id: string, note: PipelineNote, selected: boolean, size: Size | undefined): NoteFlowNode {
  return {
    id,
    type: 'note',
    position: note.position,
    data: { text: note.text },
    selected,
    width: note.width ?? 200,
    height: note.height ?? 120,
    zIndex: -1,
    ariaLabel: `Note: ${note.text.slice(0, 60) || 'empty'}`,
    ...(size ? { measured: size } : {}),
  };
}

function flowEdge(edge: PipelineEdge, selected: boolean, source: PipelineNode | undefined): Edge {
  const port = source && edge.sourceHandle ? nodePorts(source, getNodeType(source.type)).outputs.find((p) => p.id === edge.sourceHandle) : undefined;
  const kind = edge.sourceHandle ? (port?.type ?? 'any') : 'order';
  const from = edge.sourceHandle ? `${edge.source}.${edge.sourceHandle}` : edge.source;
  const to = edge.targetHandle ? `${edge.target}.${edge.targetHandle}` : edge.target;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    selected,
    className: `edge-${kind}`,
    ariaLabel: kind === 'order' ? `${to} runs after ${from}` : `${kind} from ${from} to ${to}`,
  };
}
