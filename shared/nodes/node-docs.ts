// Renders docs/nodes.md from the registry, so the reference can never drift from the definitions.
import { NODE_CATEGORIES, type NodeTypeDefinition } from './node-type';
import { nodeTypeInfo } from './node-type-info';

interface JsonSchemaField {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
}

/** The whole Markdown reference of the node types. */
export function renderNodeDocs(definitions: readonly NodeTypeDefinition[]): string {
  const lines = [
    '# Node types',
    '',
    '<!-- Generated from shared/nodes/ by `pipewright nodes --markdown > docs/nodes.md`; a test fails when it is stale. -->',
    '',
    'Every node type is one declarative definition in `shared/nodes/<id>.ts` with its implementation in `engine/nodes/`.',
    'Ids, port ids and param names are API: outside tools build pipelines with them.',
    '',
  ];
  for (const category of NODE_CATEGORIES) {
    const inCategory = definitions.filter((d) => d.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${category[0]!.toUpperCase()}${category.slice(1)}`, '');
    for (const definition of inCategory) lines.push(...renderOne(definition), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderOne(definition: NodeTypeDefinition): string[] {
  const info = nodeTypeInfo(definition);
  const ports = (list: typeof info.inputs) =>
    list.length === 0 ? 'none' : list.map((p) => `\`${p.id}\` (${p.type}${p.optional ? ', optional' : ''}${p.multiple ? ', many' : ''})`).join(', ');
  const properties = (info.params['properties'] ?? {}) as Record<string, JsonSchemaField>;
  const lines = [
    `### \`${info.id}\` — ${info.title}`,
    '',
    info.description,
    '',
    `- version ${info.version}, runs as ${info.runtime === 'builtin' ? '`pipewright run-node`' : 'the user’s command'}`,
    `- inputs: ${info.userPorts ? 'declared by the user' : ports(info.inputs)}`,
    `- outputs: ${info.userPorts ? 'declared by the user' : ports(info.outputs)}`,
  ];
  if (definition.builtOn) lines.push(`- built on: ${definition.builtOn}`);
  for (const [target, reason] of Object.entries(info.unsupportedTargets)) lines.push(`- not exported to ${target}: ${reason}`);
  const names = Object.keys(properties);
  if (names.length > 0) {
    lines.push('', '| param | type | default | description |', '| --- | --- | --- | --- |');
    for (const name of names) {
      const field = properties[name]!;
      const type = field.enum ? field.enum.map((v) => `\`${String(v)}\``).join(' \\| ') : (field.type ?? 'any');
      const bounds = [field.minimum !== undefined && `≥ ${field.minimum}`, field.maximum !== undefined && `≤ ${field.maximum}`].filter(Boolean).join(', ');
      const fallback = field.default === undefined ? '' : `\`${JSON.stringify(field.default)}\``;
      const description = (field.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
      lines.push(`| \`${name}\` | ${type}${bounds ? ` (${bounds})` : ''} | ${fallback} | ${description} |`);
    }
  }
  return lines;
}
