// Validates a Kubeflow Pipelines IR file against KFP 2.17.0's pipeline_spec.proto (protobufjs). `fromObject` drops
// unknown fields silently, so the document is walked field by field against the message types first (unknown fields,
// wrong types, bad enum values and oneof conflicts are errors), then checked for references: every task's componentRef
// and executor exist, taskOutputArtifact names a real producer output, inputs match the component's definitions.
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { fixturePath } from '../../support/fixtures';
import { readDocuments } from './validation-errors';

const protoDir = fixturePath('schemas/kubeflow-pipelines');
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(protoDir, target));
root.loadSync('pipeline_spec.proto', { keepCase: false });
root.resolveAll();
const PipelineSpec = root.lookupType('ml_pipelines.PipelineSpec');
const PlatformSpec = root.lookupType('ml_pipelines.PlatformSpec');
const DeploymentConfig = root.lookupType('ml_pipelines.PipelineDeploymentConfig');

/** Walks `value` as message `type` (proto3 JSON mapping), reporting anything the message doesn't define. */
function walk(value: unknown, type: protobuf.Type, path: string, problems: string[]): void {
  if (['google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue'].includes(type.fullName.slice(1))) return;
  if (type.fullName === '.google.protobuf.Duration') {
    if (typeof value !== 'string' || !/^\d+(\.\d+)?s$/.test(value)) problems.push(`${path}: a Duration is a string like "30s"`);
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${path}: expected an object (${type.name})`);
  const byJsonName = new Map(type.fieldsArray.map((f) => [f.name, f]));
  for (const f of type.fieldsArray) byJsonName.set(protobuf.util.camelCase(f.name), f);
  const oneofsSet = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const field = byJsonName.get(key);
    if (!field) {
      problems.push(`${path}.${key}: unknown field of ${type.name}`);
      continue;
    }
    if (field.partOf && !field.partOf.name.startsWith('_')) {
      const other = oneofsSet.get(field.partOf.name);
      if (other) problems.push(`${path}: ${key} and ${other} are both set, but they are one of ${field.partOf.name}`);
      oneofsSet.set(field.partOf.name, key);
    }
    const at = `${path}.${key}`;
    if (field.map) {
      if (!child || typeof child !== 'object' || Array.isArray(child)) problems.push(`${at}: expected a map`);
      else for (const [k, v] of Object.entries(child)) checkValue(v, field, `${at}.${k}`, problems);
    } else if (field.repeated) {
      if (!Array.isArray(child)) problems.push(`${at}: expected a list`);
      else child.forEach((v, i) => checkValue(v, field, `${at}[${i}]`, problems));
    } else checkValue(child, field, at, problems);
  }
}

function checkValue(value: unknown, field: protobuf.Field, path: string, problems: string[]): void {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return walk(value, resolved, path, problems);
  if (resolved instanceof protobuf.Enum) {
    if (typeof value !== 'string' || !(value in resolved.values)) problems.push(`${path}: "${String(value)}" is not one of ${Object.keys(resolved.values).join(', ')}`);
    return;
  }
  const ok: Record<string, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    bool: (v) => typeof v === 'boolean',
    double: (v) => typeof v === 'number',
    float: (v) => typeof v === 'number',
    int32: (v) => Number.isInteger(v),
    int64: (v) => Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)),
  };
  const check = ok[field.type];
  if (!check) problems.push(`${path}: field type ${field.type} is not handled by the validator`);
  else if (!check(value)) problems.push(`${path}: expected ${field.type}, got ${JSON.stringify(value)}`);
}

interface Component {
  executorLabel?: string;
  inputDefinitions?: { artifacts?: Record<string, unknown>; parameters?: Record<string, unknown> };
  outputDefinitions?: { artifacts?: Record<string, unknown> };
}
interface Task {
  componentRef?: { name?: string };
  dependentTasks?: string[];
  inputs?: {
    artifacts?: Record<string, { taskOutputArtifact?: { producerTask: string; outputArtifactKey: string } }>;
    parameters?: Record<string, { componentInputParameter?: string }>;
  };
}
interface Spec {
  schemaVersion?: string;
  components?: Record<string, Component>;
  deploymentSpec?: { executors?: Record<string, { container?: { args?: string[]; command?: string[] } }> };
  root?: { dag?: { tasks?: Record<string, Task> }; inputDefinitions?: { parameters?: Record<string, unknown> } };
}

/** Every problem of the IR in `text` (one PipelineSpec document, optionally followed by a PlatformSpec). */
export function validateKubeflow(text: string): string[] {
  const read = readDocuments(text);
  if (read.problems.length > 0) return read.problems;
  const documents = read.documents;
  const problems: string[] = [];
  const [spec, platform, ...rest] = documents as [Spec, unknown, ...unknown[]];
  walk(spec, PipelineSpec, 'PipelineSpec', problems);
  if (spec?.deploymentSpec) walk(spec.deploymentSpec, DeploymentConfig, 'deploymentSpec', problems);
  if (platform !== undefined) {
    walk(platform, PlatformSpec, 'PlatformSpec', problems);
    problems.push(...platformProblems(platform, spec));
  }
  if (rest.length > 0) problems.push('more than two documents');
  if (problems.length > 0) return problems;
  return referenceProblems(spec);
}

function referenceProblems(spec: Spec): string[] {
  const problems: string[] = [];
  if (spec.schemaVersion !== '2.1.0') problems.push(`schemaVersion is "${spec.schemaVersion}", expected 2.1.0`);
  const components = spec.components ?? {};
  const executors = spec.deploymentSpec?.executors ?? {};
  const tasks = spec.root?.dag?.tasks ?? {};
  const rootParams = spec.root?.inputDefinitions?.parameters ?? {};
  for (const [name, task] of Object.entries(tasks)) {
    const where = `task ${name}`;
    const component = components[task.componentRef?.name ?? ''];
    if (!component) {
      problems.push(`${where}: componentRef "${task.componentRef?.name}" is not a component`);
      continue;
    }
    const executor = executors[component.executorLabel ?? ''];
    if (!executor) problems.push(`${where}: executor "${component.executorLabel}" is not in deploymentSpec.executors`);
    for (const dep of task.dependentTasks ?? []) if (!tasks[dep]) problems.push(`${where} depends on the missing task "${dep}"`);
    const declaredArtifacts = component.inputDefinitions?.artifacts ?? {};
    for (const [key, input] of Object.entries(task.inputs?.artifacts ?? {})) {
      if (!(key in declaredArtifacts)) problems.push(`${where}: input artifact "${key}" is not declared by its component`);
      const source = input.taskOutputArtifact;
      const producer = source && tasks[source.producerTask];
      const outputs = producer ? components[producer.componentRef?.name ?? '']?.outputDefinitions?.artifacts ?? {} : {};
      if (!source || !producer || !(source.outputArtifactKey in outputs)) problems.push(`${where}: input "${key}" names no real producer output`);
      else if (!(task.dependentTasks ?? []).includes(source.producerTask)) problems.push(`${where}: reads ${source.producerTask} without depending on it`);
    }
    for (const key of Object.keys(declaredArtifacts)) if (!task.inputs?.artifacts?.[key]) problems.push(`${where}: component input artifact "${key}" is not wired`);
    const declaredParams = component.inputDefinitions?.parameters ?? {};
    for (const [key, input] of Object.entries(task.inputs?.parameters ?? {})) {
      if (!(key in declaredParams)) problems.push(`${where}: parameter "${key}" is not declared by its component`);
      if (input.componentInputParameter && !(input.componentInputParameter in rootParams)) problems.push(`${where}: pipeline parameter "${input.componentInputParameter}" is not declared`);
    }
    const placeholders = JSON.stringify(executor?.container ?? {}).matchAll(/\{\{\$\.(inputs|outputs)\.(artifacts|parameters)\['([^']+)'\]/g);
    for (const [, io, kind, key] of placeholders) {
      const defs = io === 'inputs' ? component.inputDefinitions : component.outputDefinitions;
      if (!(key! in ((defs as Record<string, Record<string, unknown>> | undefined)?.[kind!] ?? {}))) problems.push(`${where}: executor placeholder ${io}.${kind}['${key}'] is not declared`);
    }
  }
  return problems;
}

function platformProblems(platform: unknown, spec: Spec): string[] {
  const problems: string[] = [];
  const executors = (platform as { platforms?: { kubernetes?: { deploymentSpec?: { executors?: Record<string, unknown> } } } }).platforms?.kubernetes?.deploymentSpec?.executors ?? {};
  for (const [label, config] of Object.entries(executors)) {
    if (!spec.deploymentSpec?.executors?.[label]) problems.push(`platform spec configures the unknown executor "${label}"`);
    for (const entry of (config as { secretAsEnv?: Array<{ secretName?: unknown; keyToEnv?: Array<{ secretKey?: unknown; envVar?: unknown }> }> }).secretAsEnv ?? []) {
      if (typeof entry.secretName !== 'string' || !Array.isArray(entry.keyToEnv) || entry.keyToEnv.some((k) => typeof k.secretKey !== 'string' || typeof k.envVar !== 'string')) {
        problems.push(`platform spec: executor ${label} has a malformed secretAsEnv entry`);
      }
    }
    const known = new Set(['secretAsEnv']);
    for (const key of Object.keys(config as object)) if (!known.has(key)) problems.push(`platform spec: executor ${label} has the unsupported key "${key}"`);
  }
  return problems;
}
