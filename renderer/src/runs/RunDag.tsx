// The DAG of a run as it ran (its own pipeline revision), each node coloured by its state; clicking a node shows it.
import { Background, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { RunState } from '../../../shared/runs/run-state';
import { useApp } from '../store/store-context';
import { STATE_ICONS } from './run-labels';

export function RunDag({ states, document }: { states: RunState['nodes']; document: Pipeline }) {
  const showRunNode = useApp((s) => s.showRunNode);
  const selected = useApp((s) => s.runNodeId);
  const nodes = useMemo<Node[]>(
    () =>
      document.nodes.map((n) => {
        const state = states[n.id]?.status;
        return {
          id: n.id,
          position: n.position,
          data: { label: `${state ? STATE_ICONS[state] : '○'} ${n.label ?? n.id}` },
          className: state ? `run-node run-state-${state}` : 'run-node run-not-in-run',
          selected: n.id === selected,
        };
      }),
    [document, states, selected],
  );
  const edges = useMemo<Edge[]>(
    () => document.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, animated: states[e.target]?.status === 'running' })),
    [document, states],
  );
  // Important: its own provider. Inside the designer's ReactFlowProvider this flow would share the canvas's store,
  // and fitting this small view would shrink the main canvas.
  return (
    <div className="run-dag" data-testid="run-dag">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onNodeClick={(_, node) => showRunNode(node.id)}
          proOptions={{ hideAttribution: true }}
          minZoom={0.05}
        >
          <Background gap={16} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
