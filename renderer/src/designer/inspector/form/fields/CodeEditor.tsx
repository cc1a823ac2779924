// The code editor of `code` params: CodeMirror 6 with syntax highlighting for shell, Python and JSON. Loaded lazily,
// so the canvas opens without it. (@uiw/react-codemirror: the maintained React binding of CodeMirror 6, which is
// accessible — a real textbox with a label — and needs no eval, so it runs under our Content-Security-Policy.)
import { json } from '@codemirror/lang-json';
import { python } from '@codemirror/lang-python';
import { StreamLanguage } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { EditorView } from '@codemirror/view';
import CodeMirror, { type Extension } from '@uiw/react-codemirror';
import { useMemo } from 'react';

const LANGUAGES: Record<string, () => Extension> = {
  shell: () => StreamLanguage.define(shell),
  python: () => python(),
  json: () => json(),
};

export interface CodeEditorProps {
  value: string;
  language: string | undefined;
  /** Id of the element that labels the editor, and of the text describing it. */
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
  onChange(value: string): void;
  /** How tall it grows before it scrolls (the inspector's column, or most of a dialog). */
  maxHeight?: string;
}

export default function CodeEditor({ value, language, labelledBy, describedBy, invalid, onChange, maxHeight = '320px' }: CodeEditorProps) {
  const extensions = useMemo(
    () => [
      ...(language && LANGUAGES[language] ? [LANGUAGES[language]()] : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy, 'aria-describedby': describedBy, 'aria-invalid': String(invalid) }),
    ],
    [language, labelledBy, describedBy, invalid],
  );
  return (
    <CodeMirror
      className="code-editor nodrag nowheel"
      value={value}
      extensions={extensions}
      basicSetup={{ lineNumbers: true, foldGutter: false, highlightActiveLine: false, autocompletion: false, searchKeymap: false }}
      minHeight="60px"
      maxHeight={maxHeight}
      onChange={onChange}
    />
  );
}
