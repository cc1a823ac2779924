// Validates Argo Workflows resources: the full v4.1.2 CRD openAPIV3Schema with unknown fields rejected (CronWorkflow:
// Argo's JSON schema for the wrapper, the Workflow CRD for its workflowSpec), plus DAG checks — templates and
// dependencies exist, every artifact `from:` names a real output of a real task, every parameter reference resolves,
// and there is no cycle.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { findCycle } from '../../../shared/graph/dag';
import { fixturePath } from '../../support/fixtures';
import { crdSchema, strictJsonSchema } from './openapi-schema';
import { ajvMessages, readDocuments } from './validation-errors';

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const workflowSchema = strictJsonSchema(crdSchema(fixturePath('schemas/argo-workflows/argoproj.io_workflows.yaml'), 'v1alpha1')) as Record<string, Record<string, unknown>>;
const validators: Record<string, ValidateFunction> = {
  Workflow: ajv.compile(workflowSchema),
  WorkflowTemplate: ajv.compile(strictJsonSchema(crdSchema(fixturePath('schemas/argo-workflows/argoproj.io_workflowtemplates.yaml'), 'v1alpha1')) as object),
  CronWorkflow: ajv.compile(cronWorkflowSchema()),
};
const validateWorkflowSpec = ajv.compile(workflowSchema['properties']!['spec'] as object);

/** CronWorkflow from Argo's JSON schema; Quantity/IntOrString widened to numbers as Kubernetes accepts them. */
function cronWorkflowSchema(): object {
  const all = JSON.parse(readFileSync(fixturePath('schemas/argo-workflows/schema.json'), 'utf8')) as { definitions: Record<string, unknown> };
  for (const name of ['io.k8s.apimachinery.pkg.api.resource.Quantity', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString']) {
    all.definitions[name] = { anyOf: [{ type: 'string' }, { type: 'number' }] };
  }
  return { ...(strictJsonSchema({ definitions: all.definitions }) as object), $ref: '#/definitions/io.argoproj.workflow.v1alpha1.CronWorkflow' };
}

interface Template {
  name: string;
  dag?: { tasks: Task[] };
  inputs?: { parameters?: Array<{ name: string }>; artifacts?: Array<{ name: string }> };
  outputs?: { artifacts?: Array<{ name: string }> };
}
interface Task {
  name: string;
  template: string;
  dependencies?: string[];
  arguments?: { parameters?: Array<{ name: string }>; artifacts?: Array<{ name: string; from?: string }> };
}
interface Spec {
  entrypoint?: string;
  arguments?: { parameters?: Array<{ name: string }> };
  templates?: Template[];
}

/** Every problem of the resources in `text`. */
export function validateArgo(text: string): string[] {
  const read = readDocuments(text);
  if (read.problems.length > 0) return read.problems;
  const documents = read.documents;
  return documents.flatMap((doc, i) => {
    const resource = doc as { kind?: string; metadata?: { name?: string; generateName?: string }; spec?: Spec & { workflowSpec?: Spec } };
    const at = `document ${i + 1} (${resource?.kind ?? 'no kind'})`;
    const validator = validators[resource?.kind ?? ''];
    if (!validator) return [`${at}: not a Workflow, WorkflowTemplate or CronWorkflow`];
    const problems = validator(doc) ? [] : ajvMessages(validator.errors, `${at}: `);
    const name = resource.metadata?.name ?? resource.metadata?.generateName?.replace(/-$/, '');
    if (!name || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) problems.push(`${at}: metadata needs a DNS-1123 name or generateName`);
    const spec = resource.kind === 'CronWorkflow' ? resource.spec?.workflowSpec : resource.spec;
    if (resource.kind === 'CronWorkflow' && !validateWorkflowSpec(spec)) problems.push(...ajvMessages(validateWorkflowSpec.errors, `${at}: workflowSpec`));
    return [...problems, ...dagProblems(spec ?? {}, at)];
  });
}

function dagProblems(spec: Spec, at: string): string[] {
  const problems: string[] = [];
  const templates = new Map((spec.templates ?? []).map((t) => [t.name, t]));
  const globals = new Set((spec.arguments?.parameters ?? []).map((p) => p.name));
  if (!spec.entrypoint || !templates.has(spec.entrypoint)) problems.push(`${at}: entrypoint "${spec.entrypoint}" is not a template`);
  for (const template of templates.values()) {
    const inputs = new Set((template.inputs?.parameters ?? []).map((p) => p.name));
    for (const [, kind, name] of JSON.stringify(template).matchAll(/\{\{(workflow\.parameters|inputs\.parameters)\.([^}]+)\}\}/g)) {
      if (!(kind === 'workflow.parameters' ? globals : inputs).has(name!)) problems.push(`${at}: template ${template.name} uses {{${kind}.${name}}}, which is not declared`);
    }
    if (!template.dag) continue;
    const tasks = new Map(template.dag.tasks.map((t) => [t.name, t]));
    for (const task of template.dag.tasks) {
      const where = `${at}: task ${task.name}`;
      const target = templates.get(task.template);
      if (!target) problems.push(`${where} uses the missing template "${task.template}"`);
      for (const dep of task.dependencies ?? []) if (!tasks.has(dep)) problems.push(`${where} depends on the missing task "${dep}"`);
      const passed = new Set((task.arguments?.parameters ?? []).map((p) => p.name));
      for (const p of target?.inputs?.parameters ?? []) if (!passed.has(p.name)) problems.push(`${where} does not pass input parameter "${p.name}"`);
      const given = new Set((task.arguments?.artifacts ?? []).map((a) => a.name));
      for (const a of target?.inputs?.artifacts ?? []) if (!given.has(a.name)) problems.push(`${where} does not pass input artifact "${a.name}"`);
      for (const artifact of task.arguments?.artifacts ?? []) {
        const from = /^\{\{tasks\.([^.]+)\.outputs\.artifacts\.([^}]+)\}\}$/.exec(artifact.from ?? '');
        const producer = from && tasks.get(from[1]!);
        const outputs = producer ? templates.get(producer.template)?.outputs?.artifacts ?? [] : [];
        if (!from || !producer || !outputs.some((o) => o.name === from[2])) problems.push(`${where}: artifact ${artifact.name} comes from "${artifact.from}", which is no task output`);
        else if (!(task.dependencies ?? []).includes(from[1]!)) problems.push(`${where}: reads an artifact of ${from[1]} without depending on it`);
      }
    }
    const cycle = findCycle([...tasks.keys()], template.dag.tasks.flatMap((t) => (t.dependencies ?? []).map((d) => ({ source: d, target: t.name }))));
    if (cycle) problems.push(`${at}: the DAG has a cycle ${cycle.join(' → ')}`);
  }
  return problems;
}
