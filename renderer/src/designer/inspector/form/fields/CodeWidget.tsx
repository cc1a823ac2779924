// Code params: the CodeMirror editor, with a plain text area standing in while it loads.
import { lazy, Suspense } from 'react';
import { shown, type WidgetProps } from './widget-props';

const CodeEditor = lazy(() => import('./CodeEditor'));

export function CodeWidget(props: WidgetProps & { labelId: string }) {
  const value = String(shown(props) ?? '');
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
    <Suspense fallback={fallback}>
      <CodeEditor
        value={value}
        language={props.field.language}
        labelledBy={props.labelId}
        describedBy={props.describedBy}
        invalid={props.invalid}
        onChange={(v) => props.onChange(v)}
      />
    </Suspense>
  );
}
