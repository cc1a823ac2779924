// Shared pieces of the export validators: reading an export's YAML documents strictly and formatting ajv errors.
import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';

/** Every YAML document of `text`, or throws naming the first syntax error or warning (duplicate keys included). */
export function yamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true }).map((doc, i) => {
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw new Error(`YAML document ${i + 1}: ${problem.message}`);
    return doc.toJS({ maxAliasCount: 0 }) as unknown;
  });
}

/** The documents, or the syntax problem as the validator's only finding. */
export function readDocuments(text: string): { documents: unknown[]; problems: [] } | { documents: []; problems: string[] } {
  try {
    return { documents: yamlDocuments(text), problems: [] };
  } catch (error) {
    return { documents: [], problems: [(error as Error).message] };
  }
}

/** One line per ajv error, located by JSON pointer. */
export function ajvMessages(errors: ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty: string }).additionalProperty)}"` : '';
    return `${prefix}${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}
