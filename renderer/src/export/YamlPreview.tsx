// Read-only, syntax-highlighted view of an exported file (CodeMirror 6, the editor the designer uses for code params).
import { yaml } from '@codemirror/lang-yaml';
import CodeMirror from '@uiw/react-codemirror';

const YAML = [yaml()];
const PLAIN: [] = [];
const SETUP = { lineNumbers: true, foldGutter: true, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false } as const;

export function YamlPreview({ path, text }: { path: string; text: string }) {
  return (
    <div className="export-preview" data-testid="export-preview" aria-label={`Preview of ${path}`}>
      <CodeMirror value={text} extensions={/\.ya?ml$/.test(path) ? YAML : PLAIN} editable={false} readOnly basicSetup={SETUP} />
    </div>
  );
}
