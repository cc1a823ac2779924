// Argo Workflows: a Workflow (or WorkflowTemplate / CronWorkflow) whose DAG has one task per node, one container
// template per distinct node shape (built-ins of one type share theirs), artifacts wired
// `from: "{{tasks.X.outputs.artifacts.Y}}"`, parameters as workflow arguments, resources from node settings.
import { shellQuote } from '../nodes/node-contract';
import { contractEnv, defaultText, dnsLabel, exportPath, NODE_METRICS_FILE, outputFile, runNodeCommand, toYaml, type Exporter } from './exporter';
import type { ExportOptions } from './export-options';
import { kubeEnv, kubeResources, scriptWithFolders } from './kubernetes';
import { renderCommand } from './script-command';
import type { ExportModel, ExportStep, StepInput } from './step-model';

const IN = '/pipewright/inputs';
const OUT = '/pipewright/outputs';
const METRICS = `/pipewright/${NODE_METRICS_FILE}`;
/** Output artifact with the node's metrics file (port ids start with a letter, so this never collides). */
export const ARGO_METRICS_ARTIFACT = '_pipewright-metrics';
const DAG_TEMPLATE = 'pipeline';
/** Environment variables passed to the shared template as input parameters (variable → parameter name). */
const PER_TASK: Record<string, string> = { PIPEWRIGHT_PARAMS: 'params', PIPEWRIGHT_NODE_ID: 'node-id' };

/** Input artifact name of one source of a port (a `multiple` input has one per source). */
function inputArtifact(port: string, index: number, multiple: boolean): string {
  return multiple ? `${port}-${index + 1}` : port;
}

function containerTemplate(step: ExportStep, model: ExportModel, options: ExportOptions): Record<string, unknown> {
  const inputPath = (input: StepInput, i: number) => `${IN}/${inputArtifact(input.port, i, input.multiple)}/${input.sources[i]!.file}`;
  const env = contractEnv(model, step, {
    input: (s) => {
      const input = step.inputs.find((i) => i.sources.includes(s))!;
      return inputPath(input, input.sources.indexOf(s));
    },
    output: (o) => `${OUT}/${o.file}`,
    metrics: METRICS,
  });
  const container: Record<string, unknown> = { image: step.image };
  if (step.script) {
    const command = renderCommand(step.script.command, {
      input: (port) => {
        const input = step.inputs.find((i) => i.port === port);
        return input ? input.sources.map((_s, i) => shellQuote(inputPath(input, i))).join(' ') : '';
      },
      output: (port) => shellQuote(`${OUT}/${outputFile(step, port)}`),
    });
    container['command'] = ['/bin/sh', '-c', scriptWithFolders([...step.outputs.map((o) => `${OUT}/${o.file}`), METRICS], command)];
  } else container['command'] = runNodeCommand(step);
  // Values that differ between nodes of one type are template inputs, so those nodes share one template.
  const perTask = env.map((e) => (e.name in PER_TASK ? { name: e.name, value: [{ kind: 'text' as const, text: `{{inputs.parameters.${PER_TASK[e.name]}}}` }] } : e));
  container['env'] = [
    ...kubeEnv(perTask, options, (name) => `{{workflow.parameters.${name}}}`),
    { name: 'PIPEWRIGHT_RUN_ID', value: '{{workflow.uid}}' },
  ];
  const resources = kubeResources(step.settings);
  if (resources) container['resources'] = resources;
  return {
    inputs: {
      parameters: Object.values(PER_TASK).map((name) => ({ name })),
      ...(step.inputs.length > 0
      ? { artifacts: step.inputs.flatMap((i) => i.sources.map((_s, n) => ({ name: inputArtifact(i.port, n, i.multiple), path: inputPath(i, n) }))) }
      : {}),
    },
    outputs: {
      artifacts: [
        ...step.outputs.map((o) => ({ name: o.port, path: `${OUT}/${o.file}` })),
        { name: ARGO_METRICS_ARTIFACT, path: METRICS, optional: true },
      ],
    },
    container,
    ...(step.settings.retries ? { retryStrategy: { limit: step.settings.retries } } : {}),
    ...(step.settings.timeoutSeconds ? { activeDeadlineSeconds: Math.ceil(step.settings.timeoutSeconds) } : {}),
  };
}

/** The workflow spec: arguments, the DAG template and the deduplicated container templates. */
function workflowSpec(model: ExportModel, options: ExportOptions): Record<string, unknown> {
  const templateNames = new Set([DAG_TEMPLATE]);
  const templates = new Map<string, { name: string; body: Record<string, unknown> }>();
  const taskNames = new Set<string>();
  const taskOf = new Map(model.steps.map((s) => [s.id, dnsLabel(s.id, taskNames)]));
  const tasks = model.steps.map((step) => {
    const body = containerTemplate(step, model, options);
    const key = JSON.stringify(body);
    if (!templates.has(key)) templates.set(key, { name: dnsLabel(step.script ? `${step.id}` : step.definition.id, templateNames), body });
    const artifacts = step.inputs.flatMap((i) =>
      i.sources.map((s, n) => ({ name: inputArtifact(i.port, n, i.multiple), from: `{{tasks.${taskOf.get(s.step)}.outputs.artifacts.${s.port}}}` })),
    );
    return {
      name: taskOf.get(step.id)!,
      template: templates.get(key)!.name,
      ...(step.needs.length > 0 ? { dependencies: step.needs.map((n) => taskOf.get(n)!) } : {}),
      arguments: {
        parameters: [
          { name: 'params', value: step.paramsJson },
          { name: 'node-id', value: step.id },
        ],
        ...(artifacts.length > 0 ? { artifacts } : {}),
      },
    };
  });
  return {
    entrypoint: DAG_TEMPLATE,
    ...(model.parameters.length > 0
      ? {
          arguments: {
            parameters: model.parameters.map((p) => ({
              name: p.name,
              ...(defaultText(p) === undefined ? {} : { value: defaultText(p) }),
              ...(p.description ? { description: p.description } : {}),
              ...(p.type === 'boolean' ? { enum: ['true', 'false'] } : {}),
            })),
          },
        }
      : {}),
    templates: [{ name: DAG_TEMPLATE, dag: { tasks } }, ...[...templates.values()].map((t) => ({ name: t.name, ...t.body }))],
  };
}

export const argoExporter: Exporter = {
  target: 'argo',
  title: 'Argo Workflows',
  files(model, options) {
    const name = dnsLabel(model.stamp.pipeline, new Set(), 52);
    const metadata = {
      ...(options.argoKind === 'Workflow' ? { generateName: `${name}-` } : { name }),
      ...(options.namespace ? { namespace: options.namespace } : {}),
      annotations: { 'pipewright.dev/pipeline': model.stamp.pipeline, 'pipewright.dev/fingerprint': model.stamp.fingerprint },
    };
    const spec = workflowSpec(model, options);
    const resource =
      options.argoKind === 'CronWorkflow'
        ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata, spec: { schedules: [options.schedule ?? ''], workflowSpec: spec } }
        : { apiVersion: 'argoproj.io/v1alpha1', kind: options.argoKind, metadata, spec };
    return [{ path: exportPath('argo', model.stamp.pipeline), content: toYaml(resource) }];
  },
};
