// A form generated from field specs: one labelled row per field with its widget, description, inline error, a reset
// to the default, and (for node params) a link to a pipeline parameter as `{{params.name}}`.
import { useState } from 'react';
import type { PipelineParameter } from '../../../../../shared/pipeline/pipeline.schema';
import { wholeParameterRef } from '../../../../../shared/pipeline/placeholders';
import { parameterRef } from '../../../../../shared/graph/parameters-edit';
import { errorAt, type FieldErrors } from './field-errors';
import type { FieldSpec } from './field-spec';
import { BooleanWidget, EnumWidget, NumberWidget } from './fields/ChoiceWidgets';
import { CodeWidget } from './fields/CodeWidget';
import { JsonWidget, KeyValueWidget, ListWidget } from './fields/CollectionWidgets';
import { ColumnWidget, FileWidget, MultilineWidget, StringWidget } from './fields/TextWidgets';
import type { WidgetProps } from './fields/widget-props';

export interface SchemaFormProps {
  /** Makes DOM ids unique per form (e.g. `params-train`). */
  idPrefix: string;
  fields: readonly FieldSpec[];
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
  /** Dot path of these fields inside the checked object (nested groups). */
  pathPrefix?: string;
  /** When given, each field can take a pipeline parameter instead of a literal value. */
  parameters?: readonly PipelineParameter[];
  onChange(name: string, value: unknown): void;
  /** Declares a new pipeline parameter holding the field's current value and links the field to it. */
  onPromote?(field: FieldSpec, value: unknown): void;
}

export function SchemaForm(props: SchemaFormProps) {
  return (
    <div className="schema-form">
      {props.fields.map((field) => (
        <FieldRow key={field.name} {...props} field={field} />
      ))}
    </div>
  );
}

function FieldRow(props: SchemaFormProps & { field: FieldSpec }) {
  const { field, values, idPrefix } = props;
  const path = props.pathPrefix ? `${props.pathPrefix}.${field.name}` : field.name;
  const id = `${idPrefix}-${path.replace(/\./g, '-')}`;
  const value = values[field.name];
  const error = errorAt(props.errors, path);
  if (field.kind === 'group') {
    const group = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    return (
      <fieldset className="field-group">
        <legend>{field.label}</legend>
        <SchemaForm
          {...props}
          fields={field.fields ?? []}
          values={group}
          pathPrefix={path}
          onChange={(name, v) => {
            const next = { ...group, [name]: v };
            if (v === undefined) delete next[name];
            props.onChange(field.name, Object.keys(next).length > 0 ? next : undefined);
          }}
        />
      </fieldset>
    );
  }
  const ref = wholeParameterRef(value);
  const describedBy = `${id}-help`;
  const widgetProps: WidgetProps = { id, field, value, invalid: error !== undefined, describedBy, onChange: (v) => props.onChange(field.name, v) };
  return (
    <div className={`field field-${field.kind}`} data-field={path}>
      <div className="field-head">
        <label id={`${id}-label`} htmlFor={id}>
          {field.label}
          {field.required && <span aria-hidden="true"> *</span>}
        </label>
        {value !== undefined && field.default !== undefined && (
          <button type="button" className="icon-button" aria-label={`Reset ${field.label} to its default`} title="Reset to default" onClick={() => props.onChange(field.name, undefined)}>
            ↺
          </button>
        )}
        {props.parameters && !ref && <LinkParameter {...props} field={field} value={value} />}
      </div>
      {ref ? <LinkedParameter {...props} field={field} id={id} name={ref} /> : <Widget {...widgetProps} labelId={`${id}-label`} />}
      <div id={describedBy} className="field-help">
        {error && (
          <p className="field-error" data-testid="field-error">
            {error}
          </p>
        )}
        {field.description && <p className="field-description">{field.description}</p>}
      </div>
    </div>
  );
}

function Widget(props: WidgetProps & { labelId: string }) {
  switch (props.field.kind) {
    case 'multiline':
      return <MultilineWidget {...props} />;
    case 'code':
      return <CodeWidget {...props} />;
    case 'file':
      return <FileWidget {...props} />;
    case 'column':
      return <ColumnWidget {...props} />;
    case 'number':
    case 'integer':
      return <NumberWidget {...props} />;
    case 'boolean':
      return <BooleanWidget {...props} />;
    case 'enum':
      return <EnumWidget {...props} />;
    case 'keyValue':
      return <KeyValueWidget {...props} />;
    case 'list':
      return <ListWidget {...props} />;
    case 'json':
    case 'group':
      return <JsonWidget {...props} />;
    case 'string':
      return <StringWidget {...props} />;
  }
}

/** The field holds `{{params.name}}`: choose another parameter, or unlink to type a value again. */
function LinkedParameter(props: SchemaFormProps & { field: FieldSpec; id: string; name: string }) {
  const { field, id, name } = props;
  const declared = props.parameters ?? [];
  return (
    <div className="linked-parameter">
      <select id={id} aria-label={`Pipeline parameter for ${field.label}`} value={name} onChange={(e) => props.onChange(field.name, parameterRef(e.target.value))}>
        {!declared.some((p) => p.name === name) && <option value={name}>{name} (not declared)</option>}
        {declared.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} ({p.type}
            {p.default !== undefined ? ` = ${String(p.default)}` : ''})
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" aria-label={`Unlink ${field.label} from parameter ${name}`} title="Use a value instead" onClick={() => props.onChange(field.name, undefined)}>
        ×
      </button>
    </div>
  );
}

const NEW_PARAMETER = '\u0000new';

/** A small menu: link the field to an existing pipeline parameter, or turn its value into a new parameter. */
function LinkParameter(props: SchemaFormProps & { field: FieldSpec; value: unknown }) {
  const [open, setOpen] = useState(false);
  const { field } = props;
  if (!open) {
    return (
      <button type="button" className="icon-button" aria-label={`Use a pipeline parameter for ${field.label}`} title="Use a pipeline parameter ({{params.name}})" onClick={() => setOpen(true)}>
        {'{}'}
      </button>
    );
  }
  return (
    <select
      aria-label={`Choose a pipeline parameter for ${field.label}`}
      // Focus is wanted: the user just opened this menu.
      autoFocus
      value=""
      onBlur={() => setOpen(false)}
      onChange={(e) => {
        setOpen(false);
        if (e.target.value === NEW_PARAMETER) props.onPromote?.(field, props.value ?? field.default);
        else if (e.target.value) props.onChange(field.name, parameterRef(e.target.value));
      }}
    >
      <option value="">Choose a parameter…</option>
      {(props.parameters ?? []).map((p) => (
        <option key={p.name} value={p.name}>
          {p.name} ({p.type})
        </option>
      ))}
      {props.onPromote && <option value={NEW_PARAMETER}>New parameter from this value</option>}
    </select>
  );
}
