// The "Run settings" section (timeout, retries, cache, resources), generated from nodeSettingsSchema. The pipeline
// file's schema checks these fields, so a value that does not fit yet stays a flagged draft here instead of making the
// document unsaveable; it is applied as soon as it is valid.
import { useMemo, useState } from 'react';
import { setNodeSettings } from '../../../../shared/graph/graph-edit';
import { nodeSettingsSchema, type NodeSettings } from '../../../../shared/pipeline/pipeline.schema';
import { useApp } from '../../store/store-context';
import { fieldErrors } from './form/field-errors';
import { fieldsOf } from './form/field-spec';
import { SchemaForm } from './form/SchemaForm';

export function RunSettings({ nodeId, settings }: { nodeId: string; settings: NodeSettings | undefined }) {
  const updateDocument = useApp((s) => s.updateDocument);
  const [draft, setDraft] = useState<Record<string, unknown> | null>(null);
  const shown = draft ?? settings ?? {};
  const errors = useMemo(() => fieldErrors(nodeSettingsSchema, shown, []), [shown]);
  const change = (name: string, value: unknown) => {
    const next: Record<string, unknown> = { ...shown, [name]: value };
    if (value === undefined) delete next[name];
    const valid = nodeSettingsSchema.safeParse(withoutEmpty(next)).success;
    setDraft(valid ? null : next);
    if (valid) updateDocument((doc) => setNodeSettings(doc, nodeId, next as NodeSettings), { coalesce: `settings:${nodeId}:${name}` });
  };
  return (
    <section className="inspector-group" aria-label="Run settings">
      <h3>Run settings</h3>
      <SchemaForm idPrefix={`settings-${nodeId}`} fields={fieldsOf(nodeSettingsSchema)} values={shown} errors={errors} onChange={change} />
    </section>
  );
}

/** Empty text means "not set" (setNodeSettings drops it the same way). */
function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === '' ? undefined : v))) as Record<string, unknown>;
}
