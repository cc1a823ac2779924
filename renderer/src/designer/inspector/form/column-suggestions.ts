// Column names already used in the pipeline (values of `column` params), offered as suggestions in column fields.
import { getNodeType, type NodeTypeLookup } from '../../../../../shared/nodes/index';
import type { Pipeline } from '../../../../../shared/pipeline/pipeline.schema';
import { fieldsOf } from './field-spec';

export function columnSuggestions(doc: Pipeline | null, lookup: NodeTypeLookup = getNodeType): string[] {
  const found = new Set<string>();
  for (const node of doc?.nodes ?? []) {
    const type = lookup(node.type);
    if (!type) continue;
    for (const field of fieldsOf(type.params)) {
      const value = node.params[field.name];
      if (field.kind === 'column' && typeof value === 'string' && value !== '' && !value.includes('{{')) found.add(value);
    }
  }
  return [...found].sort();
}
