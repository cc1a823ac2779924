// Turns a node type's params schema (zod → JSON Schema) into the list of form fields the inspector renders, so a new
// node type needs no UI code: types, bounds, enums, defaults, descriptions and `ui` hints all come from the schema.
import { z } from 'zod';
import type { ParamUiHint } from '../../../../../shared/nodes/node-type';

/** Widget families the inspector knows how to draw. */
export type FieldKind =
  | 'string'
  | 'multiline'
  | 'code'
  | 'file'
  | 'column'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'keyValue'
  | 'list'
  | 'group'
  | 'json';

/** One form field, derived from one property of the schema. */
export interface FieldSpec {
  /** Property name (the key in params or settings). */
  name: string;
  label: string;
  description?: string;
  kind: FieldKind;
  /** The property must be present (it has no default and is not optional). */
  required: boolean;
  default?: unknown;
  /** Numbers: bounds as the schema states them. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  step?: number;
  /** Enums: the allowed values. */
  options?: readonly (string | number | boolean)[];
  /** Code fields: the highlighting language. */
  language?: 'shell' | 'python' | 'json';
  /** File fields: accepted extensions (without dots). */
  extensions?: readonly string[];
  /** keyValue fields: the pattern keys must match. */
  keyPattern?: string;
  /** list fields: the item type. */
  itemKind?: 'string' | 'number';
  /** group fields (nested objects): their own fields. */
  fields?: FieldSpec[];
}

/** The subset of JSON Schema zod 4 emits that the form reads. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: (string | number | boolean)[];
  const?: string | number | boolean;
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  pattern?: string;
  anyOf?: JsonSchema[];
  ui?: ParamUiHint;
}

const cache = new WeakMap<z.ZodType, FieldSpec[]>();

/** The form fields of a zod object schema (cached per schema object: the registry's schemas never change). */
export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  let fields = cache.get(schema);
  if (!fields) {
    fields = fieldsFromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    cache.set(schema, fields);
  }
  return fields;
}

/** The form fields of a JSON Schema object, in property order. */
export function fieldsFromJsonSchema(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => fieldFromProperty(name, property, required.has(name)));
}

function fieldFromProperty(name: string, raw: JsonSchema, required: boolean): FieldSpec {
  const property = withoutNull(raw);
  const spec: FieldSpec = {
    name,
    label: property.title ?? raw.title ?? humanize(name),
    kind: kindOf(property),
    required: required && raw.default === undefined,
    ...(raw.description ?? property.description ? { description: raw.description ?? property.description } : {}),
    ...(raw.default !== undefined ? { default: raw.default } : {}),
  };
  if (property.minimum !== undefined) spec.min = property.minimum;
  if (property.maximum !== undefined) spec.max = property.maximum;
  if (property.exclusiveMinimum !== undefined) Object.assign(spec, { min: property.exclusiveMinimum, exclusiveMin: true });
  if (property.exclusiveMaximum !== undefined) Object.assign(spec, { max: property.exclusiveMaximum, exclusiveMax: true });
  if (property.multipleOf !== undefined) spec.step = property.multipleOf;
  else if (spec.kind === 'integer') spec.step = 1;
  if (spec.kind === 'enum') spec.options = property.enum ?? (property.const !== undefined ? [property.const] : []);
  const ui = raw.ui ?? property.ui;
  if (ui?.kind === 'code') spec.language = ui.language;
  if (ui?.kind === 'file' && ui.extensions) spec.extensions = ui.extensions;
  if (spec.kind === 'keyValue' && property.propertyNames?.pattern) spec.keyPattern = property.propertyNames.pattern;
  if (spec.kind === 'list') spec.itemKind = typeIs(property.items ?? {}, 'number') || typeIs(property.items ?? {}, 'integer') ? 'number' : 'string';
  if (spec.kind === 'group') spec.fields = fieldsFromJsonSchema(property);
  return spec;
}

function kindOf(property: JsonSchema): FieldKind {
  const ui = property.ui;
  if (ui) return ui.kind;
  if (property.enum || property.const !== undefined) return 'enum';
  if (typeIs(property, 'boolean')) return 'boolean';
  if (typeIs(property, 'integer')) return 'integer';
  if (typeIs(property, 'number')) return 'number';
  if (typeIs(property, 'string')) return 'string';
  if (typeIs(property, 'array')) {
    const items = property.items ?? {};
    return typeIs(items, 'string') || typeIs(items, 'number') || typeIs(items, 'integer') ? 'list' : 'json';
  }
  if (typeIs(property, 'object')) {
    if (property.properties) return 'group';
    const values = property.additionalProperties;
    if (values && typeof values === 'object' && typeIs(values, 'string')) return 'keyValue';
  }
  return 'json';
}

/** `nullable()` fields are emitted as `type: [T, "null"]` or `anyOf: [T, {type: null}]`; the form edits T. */
function withoutNull(property: JsonSchema): JsonSchema {
  if (Array.isArray(property.type)) {
    const types = property.type.filter((t) => t !== 'null');
    if (types.length === 1) return { ...property, type: types[0]! };
  }
  const options = property.anyOf?.filter((o) => o.type !== 'null');
  if (options?.length === 1) return { ...property, ...options[0]! };
  return property;
}

function typeIs(property: JsonSchema, type: string): boolean {
  return property.type === type;
}

/** `testSize` → `Test size`, `max_depth` → `Max depth`. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
