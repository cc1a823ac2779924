// Text-like widgets: one-line string, multi-line text, file path and column name.
import { useId, useState } from 'react';
import { useApp, useAppStore } from '../../../../store/store-context';
import { columnSuggestions } from '../column-suggestions';
import { shown, type WidgetProps } from './widget-props';

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** The one-line text input every text-like widget is built on. */
function TextInput(props: WidgetProps & { placeholder?: string; list?: string }) {
  return (
    <input
      id={props.id}
      type="text"
      list={props.list}
      value={text(shown(props))}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

export function StringWidget(props: WidgetProps) {
  return <TextInput {...props} placeholder={props.field.required ? 'required' : undefined} />;
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
 * no browse button; the desktop app offers one through its native dialog (`host.pickFile`).
 */
export function FileWidget(props: WidgetProps) {
  const nativeDialogs = useApp((s) => s.nativeDialogs);
  const pickFile = useApp((s) => s.pickFile);
  const extensions = props.field.extensions?.map((e) => `.${e}`).join(', ');
  return (
    <div className="file-widget">
      <TextInput {...props} placeholder={extensions ? `path to a ${extensions} file` : 'path to a file'} />
      {nativeDialogs && (
        <button
          type="button"
          aria-label={`Browse for ${props.field.label}`}
          onClick={async () => {
            const path = await pickFile(props.field.extensions ?? [], `Choose ${props.field.label}`);
            if (path) props.onChange(path);
          }}
        >
          Browse…
        </button>
      )}
    </div>
  );
}

/** A dataset column: free text, suggesting the column names used elsewhere in the pipeline (read when focused). */
export function ColumnWidget(props: WidgetProps) {
  const listId = useId();
  const store = useAppStore();
  const [suggestions, setSuggestions] = useState<string[]>([]);
  return (
    <span onFocus={() => setSuggestions(columnSuggestions(store.getState().document))}>
      <TextInput {...props} list={listId} placeholder="column name" />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </span>
  );
}
