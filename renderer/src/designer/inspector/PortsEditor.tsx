// Editor of the ports a user declares on nodes whose type allows it (script nodes): id, artifact type, label, and for
// inputs whether they are optional or take several edges. Renames keep edges; removing a port removes its edges.
import { setNodePorts } from '../../../../shared/graph/graph-edit';
import { uniqueId } from '../../../../shared/graph/unique-id';
import { artifactTypeSchema, identifierSchema, type Port } from '../../../../shared/pipeline/pipeline.schema';
import { useApp } from '../../store/store-context';
import { CommittedTextInput } from './CommittedTextInput';

type Side = 'inputs' | 'outputs';
const NO_PORTS: Port[] = [];

export function PortsEditor({ nodeId }: { nodeId: string }) {
  return (
    <section className="inspector-group" aria-label="Ports">
      <h3>Ports</h3>
      <PortList nodeId={nodeId} side="inputs" />
      <PortList nodeId={nodeId} side="outputs" />
    </section>
  );
}

function PortList({ nodeId, side }: { nodeId: string; side: Side }) {
  const ports = useApp((s) => s.nodeIndex.get(nodeId)?.[side] ?? NO_PORTS);
  const updateDocument = useApp((s) => s.updateDocument);
  const title = side === 'inputs' ? 'Inputs' : 'Outputs';
  const write = (next: Port[], renamed?: Map<string, string>) => updateDocument((doc) => setNodePorts(doc, nodeId, side, next, renamed));
  const change = (index: number, patch: Partial<Port>) => write(ports.map((p, i) => (i === index ? clean({ ...p, ...patch }) : p)));
  return (
    <div className="port-list" role="group" aria-label={title}>
      <h4>{title}</h4>
      {ports.length === 0 && <p className="hint">None.</p>}
      {ports.map((port, index) => (
        <div className="port-editor" key={`${index}-${port.id}`} data-port-editor={`${side}:${port.id}`}>
          <CommittedTextInput
            label={`${side === 'inputs' ? 'Input' : 'Output'} ${index + 1} id`}
            value={port.id}
            validate={(v) => {
              const parsed = identifierSchema.safeParse(v);
              if (!parsed.success) return parsed.error.issues[0]!.message;
              return ports.some((p, i) => i !== index && p.id === v) ? `this node already has a port "${v}"` : null;
            }}
            onCommit={(v) => write(ports.map((p, i) => (i === index ? { ...p, id: v } : p)), new Map([[port.id, v]]))}
          />
          <label className="field">
            <span>Type</span>
            <select aria-label={`Type of ${side === 'inputs' ? 'input' : 'output'} ${port.id}`} value={port.type} onChange={(e) => change(index, { type: e.target.value as Port['type'] })}>
              {artifactTypeSchema.options.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Label</span>
            <input aria-label={`Label of ${side === 'inputs' ? 'input' : 'output'} ${port.id}`} value={port.label ?? ''} placeholder={port.id} onChange={(e) => change(index, { label: e.target.value })} />
          </label>
          {side === 'inputs' && (
            <div className="checkbox-row">
              <label>
                <input type="checkbox" checked={port.optional ?? false} onChange={(e) => change(index, { optional: e.target.checked })} /> optional
              </label>
              <label>
                <input type="checkbox" checked={port.multiple ?? false} onChange={(e) => change(index, { multiple: e.target.checked })} /> several edges
              </label>
            </div>
          )}
          <button type="button" className="link-button danger-text" aria-label={`Remove ${side === 'inputs' ? 'input' : 'output'} ${port.id}`} onClick={() => write(ports.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        onClick={() => write([...ports, { id: uniqueId(side === 'inputs' ? 'in' : 'out', new Set(ports.map((p) => p.id))), type: 'any' }])}
      >
        + Add {side === 'inputs' ? 'input' : 'output'}
      </button>
    </div>
  );
}

/** Drops empty labels and false flags so the file stays minimal. */
function clean(port: Port): Port {
  const { label, optional, multiple, ...rest } = port;
  return { ...rest, ...(label ? { label } : {}), ...(optional ? { optional } : {}), ...(multiple ? { multiple } : {}) };
}
