// Pipeline parameters (name, type, default, description), referenced from node params as {{params.name}}.
// Renaming a parameter rewrites every reference to it in the same undo step.
import { addParameter, removeParameter, updateParameter } from '../../../../shared/graph/parameters-edit';
import { identifierSchema, type PipelineParameter } from '../../../../shared/pipeline/pipeline.schema';
import { useApp } from '../../store/store-context';
import { CommittedTextInput } from './CommittedTextInput';

const NO_PARAMETERS: PipelineParameter[] = [];

export function ParametersEditor() {
  const parameters = useApp((s) => s.document?.parameters ?? NO_PARAMETERS);
  const updateDocument = useApp((s) => s.updateDocument);
  const change = (index: number, next: PipelineParameter, coalesce?: string) =>
    updateDocument((doc) => updateParameter(doc, index, next), coalesce ? { coalesce } : {});
  return (
    <section className="inspector-group" aria-label="Pipeline parameters">
      <h3>Parameters</h3>
      <p className="hint">Use them in node params as {'{{params.name}}'}; runs can override them.</p>
      {parameters.map((p, index) => (
        <div className="parameter-editor" key={`${index}-${p.name}`} data-parameter={p.name}>
          <CommittedTextInput
            label={`Parameter ${index + 1} name`}
            value={p.name}
            validate={(v) => {
              const parsed = identifierSchema.safeParse(v);
              if (!parsed.success) return parsed.error.issues[0]!.message;
              return parameters.some((q, i) => i !== index && q.name === v) ? `a parameter "${v}" already exists` : null;
            }}
            onCommit={(name) => change(index, { ...p, name })}
          />
          <label className="field">
            <span>Type</span>
            <select aria-label={`Type of parameter ${p.name}`} value={p.type} onChange={(e) => change(index, retype(p, e.target.value as PipelineParameter['type']))}>
              <option value="string">string</option>
              <option value="number">number</option>
              <option value="boolean">boolean</option>
            </select>
          </label>
          <DefaultInput parameter={p} onChange={(next) => change(index, next, `parameter:${index}:default`)} />
          <label className="field">
            <span>Description</span>
            <input
              value={p.description ?? ''}
              onChange={(e) => {
                const { description: _old, ...rest } = p;
                change(index, e.target.value ? { ...rest, description: e.target.value } : rest, `parameter:${index}:description`);
              }}
            />
          </label>
          <button type="button" className="link-button danger-text" aria-label={`Remove parameter ${p.name}`} onClick={() => updateDocument((doc) => removeParameter(doc, index))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        onClick={() => updateDocument((doc) => addParameter(doc, { name: 'param', type: 'string', default: '' }).doc)}
      >
        + Add parameter
      </button>
    </section>
  );
}

function DefaultInput({ parameter, onChange }: { parameter: PipelineParameter; onChange(next: PipelineParameter): void }) {
  const { default: current, ...rest } = parameter;
  const label = `Default of ${parameter.name}`;
  if (parameter.type === 'boolean') {
    return (
      <label className="field checkbox-row">
        <input type="checkbox" role="switch" aria-label={label} checked={current === true} onChange={(e) => onChange({ ...rest, default: e.target.checked })} />
        <span>Default: {String(current === true)}</span>
      </label>
    );
  }
  return (
    <label className="field">
      <span>Default</span>
      <input
        aria-label={label}
        type={parameter.type === 'number' ? 'number' : 'text'}
        value={current === undefined ? '' : String(current)}
        onChange={(e) => {
          const text = e.target.value;
          if (parameter.type === 'number') onChange(text.trim() === '' || !Number.isFinite(Number(text)) ? rest : { ...rest, default: Number(text) });
          else onChange({ ...rest, default: text });
        }}
      />
    </label>
  );
}

/** Changing the type converts the default where it can, and drops it where it cannot. */
function retype(p: PipelineParameter, type: PipelineParameter['type']): PipelineParameter {
  const { default: value, ...rest } = p;
  if (value === undefined) return { ...rest, type };
  if (type === 'string') return { ...rest, type, default: String(value) };
  if (type === 'number' && Number.isFinite(Number(value)) && String(value).trim() !== '') return { ...rest, type, default: Number(value) };
  if (type === 'boolean' && (value === 'true' || value === 'false' || typeof value === 'boolean')) return { ...rest, type, default: value === true || value === 'true' };
  return { ...rest, type };
}
