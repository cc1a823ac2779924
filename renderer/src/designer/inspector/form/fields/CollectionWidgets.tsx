// Composite values: key/value lists (environment variables), lists of strings or numbers, and raw JSON for shapes the
// form has no widget for.
import { useEffect, useState } from 'react';
import { shown, type WidgetProps } from './widget-props';

interface Row {
  key: string;
  value: string;
}

function rowsOf(value: unknown): Row[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([key, v]) => ({ key, value: String(v) })) : [];
}

/** Rows of key and value; rows with an empty key are kept on screen but not saved. */
export function KeyValueWidget(props: WidgetProps) {
  const value = shown(props);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  useEffect(() => {
    setRows((current) => (JSON.stringify(toObject(current)) === JSON.stringify(value ?? {}) ? current : rowsOf(value)));
  }, [value]);
  const update = (next: Row[]) => {
    setRows(next);
    props.onChange(toObject(next));
  };
  const duplicates = new Set(rows.map((r) => r.key).filter((k, i, all) => k !== '' && all.indexOf(k) !== i));
  return (
    <div className="kv-widget" id={props.id} role="group" aria-describedby={props.describedBy}>
      {rows.map((row, i) => (
        <div className="kv-row" key={i}>
          <input
            aria-label={`${props.field.label} name ${i + 1}`}
            value={row.key}
            placeholder="NAME"
            aria-invalid={duplicates.has(row.key) || (props.field.keyPattern !== undefined && row.key !== '' && !new RegExp(props.field.keyPattern).test(row.key))}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
          />
          <input
            aria-label={`${props.field.label} value ${i + 1}`}
            value={row.value}
            placeholder="value"
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
          />
          <button type="button" aria-label={`Remove ${props.field.label} ${row.key || i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      {duplicates.size > 0 && <p className="field-error">duplicate name {[...duplicates][0]}: only the last one counts</p>}
      <button type="button" className="link-button" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        + Add {props.field.label.toLowerCase()}
      </button>
    </div>
  );
}

function toObject(rows: Row[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key !== '').map((r) => [r.key, r.value]));
}

/** One input per item. Number lists keep what is not a number yet out of the value and flag it. */
export function ListWidget(props: WidgetProps) {
  const value = shown(props);
  const items = Array.isArray(value) ? value.map(String) : [];
  const numeric = props.field.itemKind === 'number';
  const update = (next: string[]) => props.onChange(numeric ? next.filter((s) => s.trim() !== '' && Number.isFinite(Number(s))).map(Number) : next);
  return (
    <div className="list-widget" id={props.id} role="group" aria-describedby={props.describedBy}>
      {items.map((item, i) => (
        <div className="kv-row" key={i}>
          <input
            aria-label={`${props.field.label} item ${i + 1}`}
            type={numeric ? 'number' : 'text'}
            value={item}
            onChange={(e) => update(items.map((v, j) => (j === i ? e.target.value : v)))}
          />
          <button type="button" aria-label={`Remove ${props.field.label} item ${i + 1}`} onClick={() => update(items.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => props.onChange([...(Array.isArray(value) ? value : []), numeric ? 0 : ''])}>
        + Add item
      </button>
    </div>
  );
}

/** Any other shape, as JSON text; saved once it parses. */
export function JsonWidget(props: WidgetProps) {
  const value = shown(props);
  const external = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(external);
  useEffect(() => setText((current) => (safeParse(current) === external ? current : external)), [external]);
  const invalid = text.trim() !== '' && safeParse(text) === null;
  return (
    <>
      <textarea
        id={props.id}
        className="mono"
        rows={4}
        value={text}
        aria-invalid={props.invalid || invalid}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') props.onChange(undefined);
          else if (safeParse(e.target.value) !== null) props.onChange(JSON.parse(e.target.value));
        }}
      />
      {invalid && <p className="field-error">not valid JSON yet</p>}
    </>
  );
}

/** The re-serialised text when `text` is JSON, else null. */
function safeParse(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}
