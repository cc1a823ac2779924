// A one-line name editor: Enter saves, Escape cancels, empty names are refused inline.
import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  initial: string;
  onSubmit(name: string): void | Promise<void>;
  onCancel(): void;
}

export function InlineNameInput({ label, initial, onSubmit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  const trimmed = value.trim();
  return (
    <form
      className="inline-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) void onSubmit(trimmed);
      }}
    >
      <input
        ref={ref}
        aria-label={label}
        value={value}
        maxLength={100}
        aria-invalid={trimmed === ''}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      {trimmed === '' && <span className="field-error">a name is required</span>}
    </form>
  );
}
