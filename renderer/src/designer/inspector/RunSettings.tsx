// The "Run settings" section (timeout, retries, cache, resources), generated from nodeSettingsSchema; no cache switch
// on node types that are never cached. The pipeline file's schema checks these fields, so a value that does not fit
// yet stays a flagged draft here instead of making the document unsaveable; it is applied as soon as it is valid.
import { useMemo, useState } from 'react';
import { setNodeSettings } from '../../../../shared/graph/graph-edit';
import { nodeSettingsSchema, type NodeSettings } from '../../../../shared/pipeline/pipeline.schema';
import { useApp } from '../../store/store-context';
import { fieldErrors } from './form/field-errors';
import { fieldsOf } from './form/field-spec';
import { SchemaForm } from './form/SchemaForm';

/** The settings' fields; `cache` is left out for node types that act on the world, which are never cached. */
const ALL_FIELDS = fieldsOf(nodeSettingsSchema);
const FIELDS_NEVER_CACHED = ALL_FIELDS.filter((field) => field.name !== 'cache');

export function RunSettings({ nodeId, settings, neverCached }: { nodeId: string; settings: NodeSettings | undefined; neverCached: boolean }) {
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
      {neverCached && (
        <p className="hint" data-testid="never-cached">
          Never cached: this node acts on the world (it registers, serves or deploys), so it runs every time.
        </p>
      )}
      <SchemaForm idPrefix={`settings-${nodeId}`} fields={neverCached ? FIELDS_NEVER_CACHED : ALL_FIELDS} values={shown} errors={errors} onChange={change} />
    </section>
  );
}

/** Empty text means "not set" (setNodeSettings drops it the same way). */
function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === '' ? undefined : v))) as Record<string, unknown>;
}
