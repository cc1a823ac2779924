// The canvas of the open pipeline (React Flow, controlled by the store): drop palette items, connect typed ports,
// drag, box-select, resize notes, open a node's menu; refused connections say why at the pointer.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  useUpdateNodeInternals,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { checkConnection } from '../../../../shared/graph/connection';
import { getNodeType } from '../../../../shared/nodes/index';
import { SNAP_GRID } from '../../store/canvas.slice';
import { useApp, useAppStore } from '../../store/store-context';
import { addNodeAt, connect, NODE_TYPE_MIME } from '../actions';
import { canvasLayers, flowDecorators } from '../extensions';
import { applyEdgeChanges, applyNodeChanges } from './canvas-changes';
import { ConnectionHint } from './ConnectionHint';
import { EmptyCanvas } from './EmptyCanvas';
import { FarEdges } from './FarEdges';
import { NodeContextMenuHost } from './NodeContextMenu';
import { createFlowCache, toFlowEdges, toFlowNodes, type FlowNode } from './flow-elements';
import { nodeTypes } from './node-types';
import { rememberPointer } from './pointer';
import { allNodesInView, FarZoomContext, isFar } from './view-detail';

/** Above this many elements only what is on screen is rendered (React Flow's onlyRenderVisibleElements). */
const RENDER_VISIBLE_ONLY_ABOVE = 400;
const NO_EDGES: Edge[] = [];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Opening a small pipeline must not zoom in past 100 %. */
const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 };

export function Canvas() {
  const openId = useApp((s) => s.openId);
  const name = useApp((s) => s.document?.name);
  if (name === undefined) {
    return <EmptyCanvas />;
  }
  // Remount per pipeline: each one opens fitted to its own content.
  return <FlowCanvas key={openId} name={name} />;
}

function FlowCanvas({ name }: { name: string }) {
  const store = useAppStore();
  const flow = useReactFlow();
  const document = useApp((s) => s.document)!;
  const selection = useApp((s) => s.selection);
  const measured = useApp((s) => s.measured);
  const nodeIndex = useApp((s) => s.nodeIndex);
  const snapToGrid = useApp((s) => s.snapToGrid);
  const [cache] = useState(createFlowCache);
  const [moving, setMoving] = useState(false);
  const [dragging, setDragging] = useState(false);
  // One boolean subscription for the whole canvas: far away, nodes are plain boxes (a class, so nodes do not re-render
  // on zoom) and edges are drawn by FarEdges instead of React Flow.
  const far = useStore(isFar);
  const allInView = useStore(allNodesInView);
  useMeasureHandlesWhenNear(far);
  // Fit only a pipeline that has content when opened: fitting later would jump the view on the first drop.
  const [fitOnOpen] = useState(() => document.nodes.length + (document.notes?.length ?? 0) > 0);
  const baseNodes = useMemo(() => toFlowNodes(document, selection, measured, cache), [document, selection, measured, cache]);
  const baseEdges = useMemo(() => toFlowEdges(document, selection, nodeIndex, cache), [document, selection, nodeIndex, cache]);
  // The registry is fixed at build time, so these hooks are called in the same order on every render.
  const decorations = flowDecorators.map((d) => d.useDecorate());
  const { nodes, edges } = useMemo(
    () => decorations.reduce((flow, decorate) => (decorate ? decorate(flow.nodes, flow.edges) : flow), { nodes: baseNodes, edges: baseEdges }),
    [baseNodes, baseEdges, ...decorations],
  );

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => applyNodeChanges(store.getState(), changes), [store]);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => applyEdgeChanges(store.getState(), changes), [store]);
  const onConnect = useCallback((c: Connection) => void connect(store.getState(), c), [store]);
  const isValidConnection = useCallback<IsValidConnection>(
    (c) => {
      const doc = store.getState().document;
      return doc !== null && checkConnection(doc, getNodeType, c).ok;
    },
    [store],
  );
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.toHandle || state.isValid !== false || !state.fromHandle) return;
      const [from, to] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      connect(store.getState(), { source: from.nodeId, sourceHandle: from.id, target: to.nodeId, targetHandle: to.id });
    },
    [store],
  );
  const beginGesture = useCallback(() => {
    setDragging(true);
    store.getState().beginGesture();
  }, [store]);
  const endGesture = useCallback(() => {
    setDragging(false);
    store.getState().endGesture();
  }, [store]);

  const onMoveStart = useCallback(() => {
    setMoving(true);
    store.getState().closeNodeMenu();
  }, [store]);
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: FlowNode) => {
      if (node.type !== 'pipeline') return;
      event.preventDefault();
      store.getState().openNodeMenu(node.id, { x: event.clientX, y: event.clientY });
    },
    [store],
  );
  const onMoveEnd = useCallback(() => setMoving(false), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (!type) return;
      event.preventDefault();
      addNodeAt(store.getState(), type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [store, flow],
  );

  return (
    <div
      className={`canvas${moving ? ' moving' : ''}${dragging ? ' dragging' : ''}${far ? ' far' : ''}`}
      data-testid="canvas"
      aria-label={`Canvas of ${name}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onMouseMove={(e) => rememberPointer({ x: e.clientX, y: e.clientY })}
      onMouseLeave={() => rememberPointer(null)}
    >
      <FarZoomContext value={far}>
        <ReactFlow
          nodes={nodes}
          edges={far ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={beginGesture}
          onNodeDragStop={endGesture}
          onSelectionDragStart={beginGesture}
          onSelectionDragStop={endGesture}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onNodeContextMenu={onNodeContextMenu}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          snapToGrid={snapToGrid}
          snapGrid={SNAP_GRID}
          // With every node in view culling hides nothing, and it would re-check every element on each frame of a drag.
          onlyRenderVisibleElements={!allInView && nodes.length + edges.length > RENDER_VISIBLE_ONLY_ABOVE}
          fitView={fitOnOpen}
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.05}
          maxZoom={2.5}
        >
          <Background gap={SNAP_GRID[0]} />
          <Controls />
          {/* A minimap is for finding what is out of view; with everything in view it would only hide nodes. */}
          {!allInView && <MiniMap pannable zoomable ariaLabel="Minimap" nodeClassName={miniMapClass} />}
          {far && <FarEdges edges={edges} />}
          <ConnectionHint />
          {canvasLayers.map((layer) => (
            <layer.component key={layer.id} />
          ))}
        </ReactFlow>
      </FarZoomContext>
      <NodeContextMenuHost />
    </div>
  );
}

/** Handles left out at far zoom come back when zooming in: React Flow must measure where they are again. */
function useMeasureHandlesWhenNear(far: boolean) {
  const flowStore = useStoreApi();
  const updateNodeInternals = useUpdateNodeInternals();
  const wasFar = useRef(far);
  useEffect(() => {
    if (wasFar.current && !far) updateNodeInternals([...flowStore.getState().nodeLookup.keys()]);
    wasFar.current = far;
  }, [far, flowStore, updateNodeInternals]);
}

function miniMapClass(node: Node): string {
  if (node.type === 'note') return 'minimap-note';
  return `minimap-${getNodeType(String(node.data['type']))?.category ?? 'unknown'}`;
}
