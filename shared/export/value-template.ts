// Splits param strings into literal text, pipeline-parameter references and secret references, so each exporter can
// render them in its own syntax (`${{ inputs.x }}`, `$x`, `{{workflow.parameters.x}}`, `$(params.x)`, Secrets).

/** One piece of a string as an exporter sees it. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  /** A declared pipeline parameter (`{{params.name}}`). */
  | { kind: 'param'; name: string }
  /** A secret referenced by name (`{{secrets.NAME}}`); never inlined into an export. */
  | { kind: 'secret'; name: string };

export type ValueTemplate = TemplatePart[];

/** `{{params.x}}` or `{{secrets.X}}`, spaces allowed inside the braces. */
export const REFERENCE = /\{\{\s*(params|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;
/** Secret names are environment variable names in every target. */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses `value`. Only declared parameters become `param` parts (an undeclared `{{params.x}}` stays text: validation
 * reports it, and a script command may mean the node's own param).
 */
export function parseTemplate(value: string, isParameter: (name: string) => boolean): ValueTemplate {
  const parts: ValueTemplate = [];
  let last = 0;
  for (const match of value.matchAll(REFERENCE)) {
    const [whole, kind, name] = match as unknown as [string, string, string];
    const isRef = kind === 'params' ? isParameter(name) : SECRET_NAME.test(name);
    if (!isRef) continue;
    if (match.index > last) parts.push({ kind: 'text', text: value.slice(last, match.index) });
    parts.push(kind === 'params' ? { kind: 'param', name } : { kind: 'secret', name });
    last = match.index + whole.length;
  }
  if (last < value.length) parts.push({ kind: 'text', text: value.slice(last) });
  return parts;
}

/** Renders a template with one function per part kind. */
export function renderTemplate(
  template: ValueTemplate,
  render: { text(text: string): string; param(name: string): string; secret(name: string): string },
): string {
  return template.map((p) => (p.kind === 'text' ? render.text(p.text) : p.kind === 'param' ? render.param(p.name) : render.secret(p.name))).join('');
}

/** Names referenced by a template, by kind. */
export function templateRefs(template: ValueTemplate, kind: 'param' | 'secret'): string[] {
  return template.flatMap((p) => (p.kind === kind ? [p.name] : []));
}
