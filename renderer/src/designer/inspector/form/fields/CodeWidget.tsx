// Code params: the CodeMirror editor, with a plain text area standing in while it loads, and the same editor in a
// dialog most of the window wide — a script is hard to edit in the inspector's column.
import { lazy, Suspense, useState } from 'react';
import { Dialog } from '../../../../components/Dialog';
import type { CodeEditorProps } from './CodeEditor';
import { shown, type WidgetProps } from './widget-props';

const CodeEditor = lazy(() => import('./CodeEditor'));

export function CodeWidget(props: WidgetProps & { labelId: string }) {
  const [large, setLarge] = useState(false);
  const value = String(shown(props) ?? '');
  const editor: CodeEditorProps = {
    value,
    language: props.field.language,
    labelledBy: props.labelId,
    describedBy: props.describedBy,
    invalid: props.invalid,
    onChange: (v) => props.onChange(v),
  };
  const fallback = (
    <textarea
      id={props.id}
      className="mono"
      rows={4}
      value={value}
      aria-labelledby={props.labelId}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
  return (
    <>
      <Suspense fallback={fallback}>
        <CodeEditor {...editor} />
      </Suspense>
      <button type="button" className="link-button code-expand" onClick={() => setLarge(true)}>
        Open in a larger editor
      </button>
      {large && (
        <Dialog title={`Edit ${props.field.label}`} onClose={() => setLarge(false)} wide>
          <Suspense fallback={fallback}>
            <CodeEditor {...editor} maxHeight="70vh" />
          </Suspense>
        </Dialog>
      )}
    </>
  );
}
