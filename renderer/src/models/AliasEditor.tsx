// Points an alias (staging, production, …) at a version: a small inline form behind a "+ alias" button.
import { useState, type FormEvent } from 'react';
import { useApp } from '../store/store-context';

const ALIAS = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

export function AliasEditor({ version }: { version: number }) {
  const setAlias = useApp((s) => s.setModelAlias);
  const [open, setOpen] = useState(false);
  const [alias, setAliasText] = useState('production');
  const valid = ALIAS.test(alias);
  if (!open) {
    return (
      <button type="button" className="link-button" aria-label={`Set alias on version ${version}`} onClick={() => setOpen(true)}>
        + alias
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (valid && (await setAlias(alias, version))) setOpen(false);
  };
  return (
    <form className="alias-form" onSubmit={(e) => void submit(e)}>
      <input
        aria-label={`Alias for version ${version}`}
        list="known-aliases"
        value={alias}
        autoFocus
        onChange={(e) => setAliasText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        aria-invalid={!valid}
      />
      <datalist id="known-aliases">
        <option value="production" />
        <option value="staging" />
        <option value="champion" />
        <option value="challenger" />
      </datalist>
      <button type="submit" disabled={!valid}>
        Set
      </button>
      {!valid && <span className="field-error">letters, digits, “_” and “-”, starting with a letter</span>}
    </form>
  );
}
