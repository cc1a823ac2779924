// Inline checks of a params (or settings) object as the user types: unknown {{params.x}} references and the zod
// schema's own messages, keyed by field path (`command`, `resources.cpu`, `env.MY-VAR`).
import type { z } from 'zod';
import type { PipelineParameter } from '../../../../../shared/pipeline/pipeline.schema';
import { referencedParameters, resolveParameterRefs, validParameterValues } from '../../../../../shared/pipeline/placeholders';

/** Messages by dot-separated field path. */
export type FieldErrors = ReadonlyMap<string, string>;

/** Every problem with `values` against `schema`, given the pipeline's declared parameters. */
export function fieldErrors(schema: z.ZodType, values: Record<string, unknown>, parameters: readonly PipelineParameter[]): FieldErrors {
  const errors = new Map<string, string>();
  const declared = new Set(parameters.map((p) => p.name));
  const unresolved = new Set<string>();
  for (const [key, value] of Object.entries(values)) {
    const unknown = [...referencedParameters(value)].filter((name) => !declared.has(name));
    if (unknown.length > 0) {
      errors.set(key, `no pipeline parameter named "${unknown[0]}": declare it under Parameters, or fix the name`);
      unresolved.add(key);
    }
  }
  const resolved = resolveParameterRefs(values, validParameterValues({ parameters: [...parameters] }));
  const result = schema.safeParse(resolved);
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const top = String(issue.path[0] ?? '');
    // A reference to a parameter without a usable default cannot be checked here; validation warns about it.
    if (unresolved.has(top) || stillReferences(resolved, top)) continue;
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return errors;
}

/** The message for `path` itself or, for composite fields (key/value lists, groups), for anything inside it. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const exact = errors.get(path);
  if (exact !== undefined) return exact;
  for (const [key, message] of errors) if (key.startsWith(`${path}.`)) return message;
  return undefined;
}

function stillReferences(values: Record<string, unknown>, key: string): boolean {
  return referencedParameters(values[key]).size > 0;
}
