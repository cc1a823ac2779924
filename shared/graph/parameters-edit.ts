// Pure edits of pipeline-level parameters: declare, change, remove, and rename with every {{params.x}} reference.
import type { Pipeline, PipelineParameter } from '../pipeline/pipeline.schema';
import { referencedParameters } from '../pipeline/placeholders';
import { uniqueId } from './unique-id';

/** Declares a new parameter; the name is made unique. Returns the name used. */
export function addParameter(doc: Pipeline, parameter: PipelineParameter): { doc: Pipeline; name: string } {
  const name = uniqueId(parameter.name, new Set(doc.parameters.map((p) => p.name)));
  return { doc: { ...doc, parameters: [...doc.parameters, { ...parameter, name }] }, name };
}

/** Replaces the parameter at `index` (type, default, description); a name change also rewrites every reference. */
export function updateParameter(doc: Pipeline, index: number, next: PipelineParameter): Pipeline {
  const current = doc.parameters[index];
  if (!current) return doc;
  const parameters = doc.parameters.slice();
  parameters[index] = next;
  const renamed = { ...doc, parameters };
  return current.name === next.name ? renamed : renameReferences(renamed, current.name, next.name);
}

/** Removes the parameter at `index`; references to it stay and are reported by validation. */
export function removeParameter(doc: Pipeline, index: number): Pipeline {
  return { ...doc, parameters: doc.parameters.filter((_, i) => i !== index) };
}

/** Rewrites `{{params.from}}` to `{{params.to}}` in every node's params; untouched nodes keep their objects. */
export function renameReferences(doc: Pipeline, from: string, to: string): Pipeline {
  const pattern = new RegExp(`\\{\\{\\s*params\\.${escapeRegExp(from)}\\s*\\}\\}`, 'g');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, `{{params.${to}}}`);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (referencedParameters(n.params).has(from) ? { ...n, params: rewrite(n.params) as Record<string, unknown> } : n)),
  };
}

/** The reference text for a parameter, as written into a node param. */
export function parameterRef(name: string): string {
  return `{{params.${name}}}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
