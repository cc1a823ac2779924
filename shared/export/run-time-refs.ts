// Parameter and secret references that an exported job resolves when it runs (`pipewright run-node` in CI or a pod).
//
// Exports can't know parameter values (the CI form or `argo submit -p` sets them) and must never contain secrets, so
// PIPEWRIGHT_PARAMS carries `${params.x}` / `${secrets.X}` and the job's environment carries the values:
// PIPEWRIGHT_PARAMETERS (the declarations, for types and defaults), PIPEWRIGHT_PARAM_<X> (raw values from the target's
// parameter mechanism) and X (the secret, from the target's secret store). `${…}` is used because no target rewrites
// it, unlike `{{…}}` (Argo), `$(…)` (Tekton, Kubernetes env) and `${{…}}` (GitHub).
import { parameterEnvName } from '../nodes/node-contract';
import type { PipelineParameter } from '../pipeline/pipeline.schema';
import { coerceParameter, type ParameterValues } from '../pipeline/placeholders';
import { REFERENCE, SECRET_NAME } from './value-template';

/** The variable holding the parameter declarations as JSON. */
export const PARAMETERS_ENV = 'PIPEWRIGHT_PARAMETERS';

const RUN_TIME_REF = /\$\{(params|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\}/g;
const WHOLE_RUN_TIME_REF = /^\$\{(params|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;

/** Rewrites `{{params.x}}` (declared parameters only) and `{{secrets.X}}` into their run-time form, recursively. */
export function toRunTimeRefs<T>(value: T, isParameter: (name: string) => boolean): T {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (match, kind: string, name: string) =>
      (kind === 'params' ? isParameter(name) : SECRET_NAME.test(name)) ? `\${${kind}.${name}}` : match,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => toRunTimeRefs(v, isParameter)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRunTimeRefs(v, isParameter)])) as T;
  }
  return value;
}

/**
 * Replaces run-time references in `params` with values from `env`. A string that is exactly one parameter reference
 * takes the parameter's typed value; an unset or empty PIPEWRIGHT_PARAM_<X> means the parameter's default.
 * Throws a sentence naming the parameter or secret when a value is missing or mistyped.
 */
export function resolveRunTimeRefs(params: Record<string, unknown>, env: Record<string, string | undefined>): Record<string, unknown> {
  if (!JSON.stringify(params).includes('${')) return params;
  const declarations = readDeclarations(env);
  const values: ParameterValues = {};
  const valueOf = (name: string): string | number | boolean => {
    if (name in values) return values[name]!;
    const declared = declarations.find((p) => p.name === name);
    if (!declared) throw new Error(`params use \${params.${name}}, but ${PARAMETERS_ENV} declares no parameter "${name}"`);
    const raw = env[parameterEnvName(name)];
    const chosen = raw === undefined || raw === '' ? declared.default : raw;
    if (chosen === undefined) throw new Error(`parameter "${name}" has no value: set ${parameterEnvName(name)} or give it a default`);
    return (values[name] = coerceParameter(declared, chosen));
  };
  const secretOf = (name: string): string => {
    const value = env[name];
    if (value === undefined) throw new Error(`secret "${name}" is not set: define ${name} in the CI/CD secrets (or the Kubernetes Secret) of this pipeline`);
    return value;
  };
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = WHOLE_RUN_TIME_REF.exec(value);
      if (whole) return whole[1] === 'params' ? valueOf(whole[2]!) : secretOf(whole[2]!);
      return value.replace(RUN_TIME_REF, (_m, kind: string, name: string) => String(kind === 'params' ? valueOf(name) : secretOf(name)));
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(params) as Record<string, unknown>;
}

function readDeclarations(env: Record<string, string | undefined>): PipelineParameter[] {
  const text = env[PARAMETERS_ENV];
  if (!text) return [];
  try {
    return JSON.parse(text) as PipelineParameter[];
  } catch (error) {
    throw new Error(`${PARAMETERS_ENV} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
