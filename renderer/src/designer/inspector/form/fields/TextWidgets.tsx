// Text-like widgets: one-line string, multi-line text, file path and column name.
import { useId } from 'react';
import { shown, type WidgetProps } from './widget-props';

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function StringWidget(props: WidgetProps) {
  return (
    <input
      id={props.id}
      type="text"
      value={text(shown(props))}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      placeholder={props.field.required ? 'required' : undefined}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function MultilineWidget(props: WidgetProps) {
  return (
    <textarea
      id={props.id}
      rows={4}
      value={text(shown(props))}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/**
 * A file path, relative to the pipeline file's folder or absolute. Browsers cannot reveal paths, so the web mode has
 * no browse button; a host that can (the desktop shell) offers one through `window.pipewright.pickFile`.
 */
export function FileWidget(props: WidgetProps) {
  const pick = window.pipewright?.pickFile;
  const extensions = props.field.extensions?.map((e) => `.${e}`).join(', ');
  return (
    <div className="file-widget">
      <input
        id={props.id}
        type="text"
        value={text(shown(props))}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        placeholder={extensions ? `path to a ${extensions} file` : 'path to a file'}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {pick && (
        <button
          type="button"
          aria-label={`Browse for ${props.field.label}`}
          onClick={async () => {
            const path = await pick({ extensions: props.field.extensions ? [...props.field.extensions] : [] });
            if (path) props.onChange(path);
          }}
        >
          Browse…
        </button>
      )}
    </div>
  );
}

/** A dataset column: free text, suggesting the column names used elsewhere in the pipeline. */
export function ColumnWidget(props: WidgetProps & { suggestions: readonly string[] }) {
  const listId = useId();
  return (
    <>
      <input
        id={props.id}
        type="text"
        list={listId}
        value={text(shown(props))}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        placeholder="column name"
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {props.suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
