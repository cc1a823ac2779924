// The canvas of the open pipeline (React Flow: zoom, pan, minimap); node positions flow back into the document.
import { Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import { useApp } from '../store/store-context';
import { decorateForRun, RunStateLayer, useShownRunStates } from '../runs/RunStateLayer';

function toFlowNodes(document: Pipeline): Node[] {
  return document.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label ?? n.id } }));
}

function toFlowEdges(document: Pipeline): Edge[] {
  return document.edges.map((e) => ({ ...e, sourceHandle: e.sourceHandle ?? null, targetHandle: e.targetHandle ?? null }));
}

export function Canvas() {
  const document = useApp((s) => s.document);
  const updateDocument = useApp((s) => s.updateDocument);
  const runStates = useShownRunStates();
  const { nodes, edges } = useMemo(
    () => decorateForRun(document ? toFlowNodes(document) : [], document ? toFlowEdges(document) : [], runStates),
    [document, runStates],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moves = changes.filter((c) => c.type === 'position' && c.position);
      if (moves.length === 0) return;
      updateDocument((doc) => {
        const moved = new Map(applyNodeChanges(moves, toFlowNodes(doc)).map((n) => [n.id, n.position]));
        return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: moved.get(n.id) ?? n.position })) };
      });
    },
    [updateDocument],
  );

  if (!document) {
    return (
      <div className="canvas-empty" data-testid="canvas-empty">
        <p>Select a pipeline on the left, or create a new one.</p>
      </div>
    );
  }
  return (
    <div className="canvas" data-testid="canvas" aria-label={`Canvas of ${document.name}`}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.05} maxZoom={2.5}>
        <Background gap={16} />
        <Controls />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <RunStateLayer />
      </ReactFlow>
    </div>
  );
}
