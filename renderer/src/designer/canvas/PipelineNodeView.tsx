// The canvas node of a pipeline step: icon, label, category colour, one handle per typed port, run-order handles,
// and the registered decorations (problem badge; the runner adds run state). Memoised: only changed nodes re-render.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { nodePorts } from '../../../../shared/graph/ports';
import type { PortDefinition } from '../../../../shared/nodes/node-type';
import { getNodeType } from '../../../../shared/nodes/index';
import { nodeDecorations } from '../extensions';
import type { PipelineFlowNode } from './flow-elements';
import { Icon } from '../../components/Icon';
import { FarZoomContext } from './view-detail';

export const PipelineNodeView = memo(function PipelineNodeView({ id, data, selected }: NodeProps<PipelineFlowNode>) {
  const definition = getNodeType(data.type);
  // The declared ports come with the node's data, not from a store subscription: a drag updates the store on every
  // frame, and 1,000 nodes' subscriptions would each be checked.
  const ports = nodePorts(data, definition);
  const rows = Math.max(ports.inputs.length, ports.outputs.length);
  const title = definition?.title ?? `Unknown type ${data.type}`;
  // A node without a label (a hand-written or exported file) is named by its id, which the run panel and logs use too;
  // the type shows under it, as under any label that is not the type's own title.
  const name = data.label ?? id;
  // Far away handles are too small to use, and each one subscribes to React Flow's store: leave them out (the boxes
  // keep their size, so the layout and the measured handle positions stay as they were).
  const far = useContext(FarZoomContext);
  return (
    <div className={`pw-node category-${definition?.category ?? 'unknown'}${selected ? ' selected' : ''}`}>
      {/* Run-order handles sit on the header's sides, so order-only edges run left to right as the layout and the data
          edges do (on top and bottom they looped between nodes side by side). */}
      {!far && <Handle type="target" position={Position.Left} className="order-handle" title="Run after another node (no data passes)" aria-label={`${id}: run after`} />}
      <div className="pw-node-header">
        <Icon name={definition?.icon} className="node-icon" />
        <span className="pw-node-label">{name}</span>
        {nodeDecorations.map((d) => (
          <d.component key={d.id} nodeId={id} />
        ))}
      </div>
      {name !== title && <div className="pw-node-type">{title}</div>}
      {rows > 0 && (
        <div className="pw-node-ports">
          {Array.from({ length: rows }, (_, i) => (
            <div className="pw-port-row" key={i}>
              {ports.inputs[i] && <PortHandle nodeId={id} port={ports.inputs[i]} side="input" far={far} />}
              {ports.outputs[i] && <PortHandle nodeId={id} port={ports.outputs[i]} side="output" far={far} />}
            </div>
          ))}
        </div>
      )}
      {!far && <Handle type="source" position={Position.Right} className="order-handle" title="Nodes connected here run after this one" aria-label={`${id}: then run`} />}
    </div>
  );
});

function PortHandle({ nodeId, port, side, far }: { nodeId: string; port: PortDefinition; side: 'input' | 'output'; far: boolean }) {
  const name = `${port.label}${port.optional ? ' (optional)' : ''}`;
  const description = `${side} ${port.id} of ${nodeId}: ${port.type}${port.multiple ? ', accepts several' : ''}`;
  return (
    <span className={`pw-port pw-port-${side}`}>
      {!far && (
        <Handle
          type={side === 'input' ? 'target' : 'source'}
          position={side === 'input' ? Position.Left : Position.Right}
          id={port.id}
          className={`port-handle port-${port.type}`}
          title={description}
          aria-label={description}
          data-port={`${side}:${port.id}`}
        />
      )}
      <span className="pw-port-label">{name}</span>
    </span>
  );
}
