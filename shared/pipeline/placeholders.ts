// `{{params.name}}` references from node params to pipeline parameters: listing them and resolving them to values.
import type { Pipeline, PipelineParameter } from './pipeline.schema';

const PARAM_REF = /\{\{\s*params\.([A-Za-z][A-Za-z0-9_-]*)\s*\}\}/g;
const WHOLE_PARAM_REF = /^\{\{\s*params\.([A-Za-z][A-Za-z0-9_-]*)\s*\}\}$/;

/** Values supplied for pipeline parameters (defaults, `--param k=v`, sweep values). */
export type ParameterValues = Record<string, string | number | boolean>;

/** Every parameter name referenced anywhere inside `value`. */
export function referencedParameters(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(PARAM_REF)) found.add(m[1]!);
  else if (Array.isArray(value)) for (const v of value) referencedParameters(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) referencedParameters(v, found);
  return found;
}

/** The parameter name when `value` is exactly one reference (`{{params.name}}`), else null. */
export function wholeParameterRef(value: unknown): string | null {
  return typeof value === 'string' ? (WHOLE_PARAM_REF.exec(value)?.[1] ?? null) : null;
}

/** Parameter defaults overlaid with `overrides`, coerced to each parameter's declared type. */
export function parameterValues(pipeline: Pick<Pipeline, 'parameters'>, overrides: Record<string, unknown> = {}): ParameterValues {
  const values: ParameterValues = {};
  for (const p of pipeline.parameters) {
    const raw = p.name in overrides ? overrides[p.name] : p.default;
    if (raw !== undefined) values[p.name] = coerceParameter(p, raw);
  }
  return values;
}

/** Like parameterValues, but skips values that don't fit their type (validation reports those separately). */
export function validParameterValues(pipeline: Pick<Pipeline, 'parameters'>): ParameterValues {
  const values: ParameterValues = {};
  for (const p of pipeline.parameters) {
    if (p.default === undefined) continue;
    try {
      values[p.name] = coerceParameter(p, p.default);
    } catch {
      // a mistyped default: reported as parameter-default-type
    }
  }
  return values;
}

/** Coerces a value (often a CLI string) to the parameter's type, or throws a sentence saying why it can't. */
export function coerceParameter(parameter: PipelineParameter, raw: unknown): string | number | boolean {
  if (parameter.type === 'string') return String(raw);
  if (parameter.type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (String(raw).trim() === '' || !Number.isFinite(n)) {
      throw new Error(`parameter "${parameter.name}" must be a number; got ${JSON.stringify(raw)}`);
    }
    return n;
  }
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new Error(`parameter "${parameter.name}" must be true or false; got ${JSON.stringify(raw)}`);
}

/**
 * Replaces parameter references inside `value`. A string that is exactly one reference takes the parameter's typed
 * value (so `"{{params.test_size}}"` becomes the number 0.2); references inside longer strings are interpolated.
 * Unknown references are left as they are (validation reports them).
 */
export function resolveParameterRefs<T>(value: T, values: ParameterValues): T {
  if (typeof value === 'string') {
    const whole = WHOLE_PARAM_REF.exec(value);
    if (whole && whole[1]! in values) return values[whole[1]!] as T;
    return value.replace(PARAM_REF, (match, name: string) => (name in values ? String(values[name]) : match)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveParameterRefs(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveParameterRefs(v, values)])) as T;
  }
  return value;
}
