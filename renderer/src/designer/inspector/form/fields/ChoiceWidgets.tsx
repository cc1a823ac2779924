// Numbers (with the schema's bounds and step), booleans as switches, and enums as selects.
import { useEffect, useState } from 'react';
import { shown, type WidgetProps } from './widget-props';

/** Number input; text that is not a number yet stays local and is flagged instead of being saved. */
export function NumberWidget(props: WidgetProps) {
  const value = shown(props);
  const external = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(external);
  useEffect(() => setText((current) => (Number(current) === Number(external) && current !== '' ? current : external)), [external]);
  const notANumber = text.trim() !== '' && !Number.isFinite(Number(text));
  const { field } = props;
  return (
    <input
      id={props.id}
      type="number"
      inputMode="decimal"
      value={text}
      min={field.min}
      max={field.max}
      step={field.step ?? 'any'}
      aria-invalid={props.invalid || notANumber}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') props.onChange(undefined);
        else if (Number.isFinite(Number(next))) props.onChange(Number(next));
      }}
    />
  );
}

export function BooleanWidget(props: WidgetProps) {
  const checked = shown(props) === true;
  return (
    <input
      id={props.id}
      type="checkbox"
      role="switch"
      className="switch"
      checked={checked}
      aria-checked={checked}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

export function EnumWidget(props: WidgetProps) {
  const options = props.field.options ?? [];
  const value = shown(props);
  const index = options.findIndex((o) => o === value);
  return (
    <select
      id={props.id}
      value={index < 0 ? '' : String(index)}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : options[Number(e.target.value)])}
    >
      {(index < 0 || !props.field.required) && <option value="">{value === undefined ? '(not set)' : `${String(value)} (not allowed)`}</option>}
      {options.map((o, i) => (
        <option key={String(o)} value={String(i)}>
          {String(o)}
        </option>
      ))}
    </select>
  );
}
