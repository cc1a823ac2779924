// Validates Tekton resources with the tekton.dev/v1 CRD schemas of Task, Pipeline and PipelineRun (unknown fields
// rejected), plus references: runAfter and taskRef names, params passed vs. declared, `$(params.x)` resolution,
// workspaces bound and declared, and the PipelineRun's pipelineRef/params/workspaces.
import { Ajv, type ValidateFunction } from 'ajv';
import { findCycle } from '../../../shared/graph/dag';
import { fixturePath } from '../../support/fixtures';
import { crdSchema, strictJsonSchema } from './openapi-schema';
import { ajvMessages, readDocuments } from './validation-errors';

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compile = (file: string): ValidateFunction => ajv.compile(strictJsonSchema(crdSchema(fixturePath(`schemas/tekton/${file}`), 'v1')) as object);
const validators: Record<string, ValidateFunction> = {
  Task: compile('300-task.yaml'),
  Pipeline: compile('300-pipeline.yaml'),
  PipelineRun: compile('300-pipelinerun.yaml'),
};

interface Param {
  name: string;
  default?: unknown;
  value?: unknown;
}
interface Resource {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; generateName?: string };
  spec?: {
    params?: Param[];
    workspaces?: Array<{ name: string; workspace?: string }>;
    tasks?: Array<{ name: string; taskRef?: { name: string }; runAfter?: string[]; params?: Param[]; workspaces?: Array<{ name: string; workspace: string }> }>;
    pipelineRef?: { name: string };
    steps?: unknown[];
  };
}

/** Every problem of the resources in `text`. */
export function validateTekton(text: string): string[] {
  const read = readDocuments(text);
  if (read.problems.length > 0) return read.problems;
  const documents = read.documents as Resource[];
  const problems: string[] = [];
  const at = (r: Resource, i: number) => `document ${i + 1} (${r?.kind ?? 'no kind'} ${r?.metadata?.name ?? r?.metadata?.generateName ?? ''})`;
  documents.forEach((r, i) => {
    const validator = validators[r?.kind ?? ''];
    if (!validator || r.apiVersion !== 'tekton.dev/v1') return void problems.push(`${at(r, i)}: not a tekton.dev/v1 Task, Pipeline or PipelineRun`);
    if (!validator(r)) problems.push(...ajvMessages(validator.errors, `${at(r, i)}: `));
    const name = r.metadata?.name ?? r.metadata?.generateName?.replace(/-$/, '');
    if (!name || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) problems.push(`${at(r, i)}: needs a DNS-1123 name`);
  });
  const tasks = new Map(documents.filter((r) => r.kind === 'Task').map((r) => [r.metadata?.name ?? '', r]));
  for (const task of tasks.values()) problems.push(...referenceProblems(task, new Set((task.spec?.params ?? []).map((p) => p.name)), `Task ${task.metadata?.name}`));
  const pipelines = documents.filter((r) => r.kind === 'Pipeline');
  for (const pipeline of pipelines) problems.push(...pipelineProblems(pipeline, tasks));
  for (const run of documents.filter((r) => r.kind === 'PipelineRun')) {
    const pipeline = pipelines.find((p) => p.metadata?.name === run.spec?.pipelineRef?.name);
    if (!pipeline) {
      problems.push(`PipelineRun: pipelineRef "${run.spec?.pipelineRef?.name}" is not in the file`);
      continue;
    }
    const declared = new Map((pipeline.spec?.params ?? []).map((p) => [p.name, p]));
    for (const p of run.spec?.params ?? []) if (!declared.has(p.name)) problems.push(`PipelineRun passes the undeclared param "${p.name}"`);
    for (const p of declared.values()) {
      if (p.default === undefined && !(run.spec?.params ?? []).some((q) => q.name === p.name)) problems.push(`PipelineRun does not set the required param "${p.name}"`);
    }
    const bound = new Set((run.spec?.workspaces ?? []).map((w) => w.name));
    for (const w of pipeline.spec?.workspaces ?? []) if (!bound.has(w.name)) problems.push(`PipelineRun does not bind workspace "${w.name}"`);
  }
  return problems;
}

function pipelineProblems(pipeline: Resource, tasks: Map<string, Resource>): string[] {
  const problems: string[] = [];
  const spec = pipeline.spec ?? {};
  const names = new Set((spec.tasks ?? []).map((t) => t.name));
  const params = new Set((spec.params ?? []).map((p) => p.name));
  const workspaces = new Set((spec.workspaces ?? []).map((w) => w.name));
  for (const t of spec.tasks ?? []) {
    const where = `Pipeline task ${t.name}`;
    for (const after of t.runAfter ?? []) if (!names.has(after)) problems.push(`${where} runs after the missing task "${after}"`);
    const task = tasks.get(t.taskRef?.name ?? '');
    if (!task) {
      problems.push(`${where} references the missing Task "${t.taskRef?.name}"`);
      continue;
    }
    const taskParams = new Map((task.spec?.params ?? []).map((p) => [p.name, p]));
    for (const p of t.params ?? []) if (!taskParams.has(p.name)) problems.push(`${where} passes "${p.name}", which the Task does not declare`);
    for (const p of taskParams.values()) {
      if (p.default === undefined && !(t.params ?? []).some((q) => q.name === p.name)) problems.push(`${where} does not pass the required param "${p.name}"`);
    }
    const taskWorkspaces = new Set((task.spec?.workspaces ?? []).map((w) => w.name));
    for (const w of t.workspaces ?? []) {
      if (!workspaces.has(w.workspace)) problems.push(`${where} binds the undeclared pipeline workspace "${w.workspace}"`);
      if (!taskWorkspaces.has(w.name)) problems.push(`${where} binds workspace "${w.name}", which the Task does not declare`);
    }
    for (const w of taskWorkspaces) if (!(t.workspaces ?? []).some((b) => b.name === w)) problems.push(`${where} leaves the Task's workspace "${w}" unbound`);
  }
  problems.push(...referenceProblems({ spec: { tasks: spec.tasks ?? [] } }, params, `Pipeline ${pipeline.metadata?.name}`));
  const cycle = findCycle([...names], (spec.tasks ?? []).flatMap((t) => (t.runAfter ?? []).map((a) => ({ source: a, target: t.name }))));
  if (cycle) problems.push(`Pipeline has a runAfter cycle ${cycle.join(' → ')}`);
  return problems;
}

/** `$(params.x)` must name a declared param; `$(workspaces.x.path)` a declared workspace. */
function referenceProblems(resource: Resource, params: Set<string>, where: string): string[] {
  const text = JSON.stringify(resource.spec);
  const workspaces = new Set((resource.spec?.workspaces ?? []).map((w) => w.name));
  const problems: string[] = [];
  for (const [, name] of text.matchAll(/\$\(params\.([^)]+)\)/g)) if (!params.has(name!)) problems.push(`${where} uses $(params.${name}), which is not declared`);
  if (resource.spec?.steps) {
    for (const [, name] of text.matchAll(/\$\(workspaces\.([^.)]+)\.path\)/g)) if (!workspaces.has(name!)) problems.push(`${where} uses workspace "${name}", which is not declared`);
  }
  return problems;
}
