// Reads pipeline files (JSON or YAML, any known schemaVersion) and writes them in the canonical, diff-friendly form.
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../validation/problem';
import { migratePipelineDocument, SchemaVersionError } from './migrations';
import { pipelineSchema, type Pipeline } from './pipeline.schema';

/** The result of reading a file: a document, or the problems that stopped it. */
export type ParseResult = { ok: true; pipeline: Pipeline } | { ok: false; problems: Problem[] };

/**
 * Parses file text (JSON, or YAML when the name says so or the text is not JSON) into a current-version pipeline. A
 * leading byte-order mark (Windows editors write one) is not part of the document.
 */
export function parsePipelineText(text: string, fileName = 'pipeline.json'): ParseResult {
  const raw = parseSyntax(text.startsWith('\uFEFF') ? text.slice(1) : text, fileName);
  if (!raw.ok) return raw;
  return parsePipelineObject(raw.value);
}

/** Migrates and checks an already-parsed object against the schema. */
export function parsePipelineObject(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-an-object', 'a pipeline file must contain one object with "schemaVersion", "name", "nodes" and "edges"');
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migratePipelineDocument(value as Record<string, unknown>);
  } catch (error) {
    if (error instanceof SchemaVersionError) return fail('schema-version', error.message, 'schemaVersion');
    throw error;
  }
  const checked = pipelineSchema.safeParse(migrated);
  if (!checked.success) return { ok: false, problems: zodIssuesToProblems(checked.error.issues) };
  return { ok: true, pipeline: checked.data };
}

/** Turns zod issues into problems whose path reads like `nodes.2.id`. */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], pathPrefix = '', nodeId?: string): Problem[] {
  return issues.map((issue) => {
    const path = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return {
      severity: 'error' as const,
      code: 'schema',
      message: path ? `${path}: ${issue.message}` : issue.message,
      ...(path ? { path } : {}),
      ...(nodeId ? { nodeId } : {}),
    };
  });
}

function parseSyntax(text: string, fileName: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  if (text.trim() === '') return fail('empty-file', `${fileName} is empty`);
  const looksYaml = /\.ya?ml$/i.test(fileName) || !/^\s*[[{]/.test(text);
  if (!looksYaml) {
    // Native JSON.parse is ~20× faster on large pipelines; jsonc-parser only runs to say where an error is.
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // fall through
    }
    const errors: ParseError[] = [];
    const value: unknown = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length === 0) return { ok: true, value };
    const first = errors[0]!;
    return fail('syntax', `${fileName} is not valid JSON: ${printParseErrorCode(first.error)} at ${lineAndColumn(text, first.offset)}`);
  }
  try {
    return { ok: true, value: parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) };
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail('syntax', `${fileName} is not valid YAML${where}: ${reason}`);
  }
}

/** Parsers report a character offset; people want a line and column. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

function fail(code: string, message: string, path?: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ severity: 'error', code, message, ...(path ? { path } : {}) }] };
}

const PIPELINE_KEYS = ['schemaVersion', 'name', 'description', 'parameters', 'nodes', 'edges', 'notes'];
const NODE_KEYS = ['id', 'type', 'label', 'params', 'inputs', 'outputs', 'settings', 'position'];
const EDGE_KEYS = ['id', 'source', 'sourceHandle', 'target', 'targetHandle'];
const PARAMETER_KEYS = ['name', 'type', 'default', 'description'];
const PORT_KEYS = ['id', 'type', 'label', 'optional', 'multiple'];
const NOTE_KEYS = ['id', 'text', 'position', 'width', 'height'];

/** Writes the canonical file: fixed key order, sorted params, two-space indent, trailing newline. */
export function serializePipeline(pipeline: Pipeline): string {
  const ordered = {
    ...pick(pipeline, PIPELINE_KEYS),
    parameters: pipeline.parameters.map((p) => pick(p, PARAMETER_KEYS)),
    nodes: pipeline.nodes.map((n) => ({
      ...pick(n, NODE_KEYS),
      params: sortKeysDeep(n.params),
      ...(n.inputs ? { inputs: n.inputs.map((p) => pick(p, PORT_KEYS)) } : {}),
      ...(n.outputs ? { outputs: n.outputs.map((p) => pick(p, PORT_KEYS)) } : {}),
      ...(n.settings ? { settings: sortKeysDeep(n.settings) } : {}),
      position: { x: n.position.x, y: n.position.y },
    })),
    edges: pipeline.edges.map((e) => pick(e, EDGE_KEYS)),
    ...(pipeline.notes ? { notes: pipeline.notes.map((n) => pick(n, NOTE_KEYS)) } : {}),
  };
  return `${JSON.stringify(reorder(ordered, PIPELINE_KEYS), null, 2)}\n`;
}

function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function reorder(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return pick(value, keys);
}

/** Sorts object keys recursively so params diff cleanly whatever order the editor wrote them in. */
export function sortKeysDeep(value: unknown): never {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as never;
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(source)
        .sort()
        .filter((k) => source[k] !== undefined)
        .map((k) => [k, sortKeysDeep(source[k])]),
    ) as never;
  }
  return value as never;
}
