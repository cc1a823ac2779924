// A text field whose value is applied only when valid and confirmed (Enter or leaving the field), e.g. a node id:
// renaming on every keystroke would re-point edges through invalid intermediate ids.
import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  /** Why a value is refused, or null. */
  validate(value: string): string | null;
  onCommit(value: string): void;
}

export function CommittedTextInput({ label, value, validate, onCommit }: Props) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => setText(value), [value]);
  const error = text === value ? null : validate(text);
  const commit = () => {
    if (text !== value && error === null) onCommit(text);
    else setText(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-error`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value);
        }}
      />
      <p id={`${id}-error`} className="field-error">
        {error}
      </p>
    </div>
  );
}
