// Inspector of one node: label, id, the type's description, its problems, the params form generated from the type's
// schema, user-declared ports, run settings, and sections other features register.
import { useMemo } from 'react';
import { addParameter, parameterRef } from '../../../../shared/graph/parameters-edit';
import { renameNode, setNodeLabel, setNodeParam } from '../../../../shared/graph/graph-edit';
import { identifierStem } from '../../../../shared/graph/unique-id';
import { getNodeType } from '../../../../shared/nodes/index';
import { identifierSchema, type PipelineParameter } from '../../../../shared/pipeline/pipeline.schema';
import { useApp, useAppStore } from '../../store/store-context';
import { inspectorSections } from '../extensions';
import { fieldErrors } from './form/field-errors';
import { fieldsOf, type FieldSpec } from './form/field-spec';
import { SchemaForm } from './form/SchemaForm';
import { PortsEditor } from './PortsEditor';
import { RunSettings } from './RunSettings';
import { CommittedTextInput } from './CommittedTextInput';

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const node = useNodeContent(nodeId);
  const parameters = useApp((s) => s.document?.parameters ?? NO_PARAMETERS);
  const problems = useApp((s) => s.problemsByNode.get(nodeId));
  const updateDocument = useApp((s) => s.updateDocument);
  const select = useApp((s) => s.select);
  const store = useAppStore();
  const definition = node ? getNodeType(node.type) : undefined;
  const paramErrors = useMemo(
    () => (definition && node ? fieldErrors(definition.params, node.params, parameters) : new Map<string, string>()),
    [definition, node, parameters],
  );
  if (!node) return null;
  const title = definition?.title ?? `Unknown type ${node.type}`;

  const setParam = (name: string, value: unknown) => updateDocument((doc) => setNodeParam(doc, nodeId, name, value), { coalesce: `param:${nodeId}:${name}` });
  const promote = (field: FieldSpec, value: unknown) =>
    updateDocument((doc) => {
      const added = addParameter(doc, parameterFor(field, value));
      return setNodeParam(added.doc, nodeId, field.name, parameterRef(added.name));
    });
  const renameId = (next: string) => {
    updateDocument((doc) => renameNode(doc, nodeId, next));
    select({ nodes: [next] });
  };

  return (
    <div className="inspector-section" data-node-id={nodeId}>
      <h2 className="panel-title">{node.label ?? nodeId}</h2>
      <p className="type-line">
        {title} · <code>{node.type}</code>
      </p>
      {definition ? <p className="type-description">{definition.description}</p> : <p className="field-error">This node type is not installed.</p>}
      {problems && (
        <ul className="node-problems" aria-label="Problems of this node">
          {problems.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Label</span>
        <input
          value={node.label ?? ''}
          placeholder={nodeId}
          onChange={(e) => updateDocument((doc) => setNodeLabel(doc, nodeId, e.target.value), { coalesce: `label:${nodeId}` })}
        />
      </label>
      <CommittedTextInput label="Id" value={nodeId} validate={(v) => checkNodeId(v, nodeId, store.getState().nodeIndex)} onCommit={renameId} />
      {definition && (
        <section className="inspector-group" aria-label="Parameters of this node">
          <h3>Parameters</h3>
          <SchemaForm
            idPrefix={`param-${nodeId}`}
            fields={fieldsOf(definition.params)}
            values={node.params}
            errors={paramErrors}
            parameters={parameters}
            onChange={setParam}
            onPromote={promote}
          />
        </section>
      )}
      {definition?.userPorts && <PortsEditor nodeId={nodeId} />}
      <RunSettings nodeId={nodeId} settings={node.settings} neverCached={definition?.sideEffects === true} />
      {inspectorSections.map((section) => (
        <section key={section.id} className="inspector-group" aria-label={section.title}>
          <h3>{section.title}</h3>
          <section.component nodeId={nodeId} />
        </section>
      ))}
    </div>
  );
}

const NO_PARAMETERS: readonly PipelineParameter[] = [];

/**
 * The node's fields the inspector shows, each selected on its own: they keep their identity while the node is dragged,
 * so the inspector (and its code editor) does not re-render on every frame of a drag.
 */
function useNodeContent(nodeId: string) {
  const exists = useApp((s) => s.nodeIndex.has(nodeId));
  const type = useApp((s) => s.nodeIndex.get(nodeId)?.type ?? '');
  const label = useApp((s) => s.nodeIndex.get(nodeId)?.label);
  const params = useApp((s) => s.nodeIndex.get(nodeId)?.params ?? NO_VALUES);
  const settings = useApp((s) => s.nodeIndex.get(nodeId)?.settings);
  return useMemo(() => (exists ? { type, label, params, settings } : undefined), [exists, type, label, params, settings]);
}

const NO_VALUES: Record<string, unknown> = {};

/** Why `value` cannot be the new id of node `current`, or null when it can. */
function checkNodeId(value: string, current: string, existing: ReadonlyMap<string, unknown>): string | null {
  const parsed = identifierSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues[0]!.message;
  if (value !== current && existing.has(value)) return `another node already has the id "${value}"`;
  return null;
}

/** A new parameter for a field's value: named after the field, typed by the widget kind. */
function parameterFor(field: FieldSpec, value: unknown): PipelineParameter {
  const type = field.kind === 'number' || field.kind === 'integer' ? 'number' : field.kind === 'boolean' ? 'boolean' : 'string';
  const fitting = typeof value === type ? (value as string | number | boolean) : undefined;
  return { name: identifierStem(field.name, 'param'), type, ...(fitting !== undefined ? { default: fitting } : {}) };
}
