// Turns a Kubernetes CRD's openAPIV3Schema into a JSON Schema ajv enforces the way the API server does — and stricter:
// unknown fields are rejected wherever the CRD doesn't explicitly preserve them (the API server would prune them
// silently, which for an export means a setting quietly lost).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type Schema = Record<string, unknown>;

/** The openAPIV3Schema of `version` in a CRD file. */
export function crdSchema(file: string, version: string): Schema {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS() as { kind?: string; spec?: { versions?: Array<{ name: string; schema?: { openAPIV3Schema?: Schema } }> } };
    const found = crd?.kind === 'CustomResourceDefinition' ? crd.spec?.versions?.find((v) => v.name === version) : undefined;
    if (found?.schema?.openAPIV3Schema) return found.schema.openAPIV3Schema;
  }
  throw new Error(`${file} has no CRD version ${version}`);
}

/** Converts OpenAPI/Kubernetes extensions to plain JSON Schema, closing every object that lists its properties. */
export function strictJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'format' || key === 'description' || key === 'example') continue;
    if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strictJsonSchema(v)]));
    } else out[key] = strictJsonSchema(value);
  }
  if (source['x-kubernetes-int-or-string']) {
    delete out['type'];
    out['anyOf'] = [{ type: 'integer' }, { type: 'string' }];
  }
  if (source['nullable'] === true && typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  const preserve = source['x-kubernetes-preserve-unknown-fields'] === true;
  if (out['properties'] && out['additionalProperties'] === undefined && !preserve) out['additionalProperties'] = false;
  return out;
}
