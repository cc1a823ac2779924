// Tekton (tekton.dev/v1): one Task per node, a Pipeline with `runAfter` from the DAG, one shared workspace holding
// every node's artifacts (`<workspace>/<node>/<port>`), pipeline parameters as params, and a sample PipelineRun.
import { NODE_METRICS_FILE, contractEnv, defaultText, dnsLabel, exportPath, outputFile, runNodeCommand, toYaml, type Exporter } from './exporter';
import type { ExportOptions } from './export-options';
import { goDuration, kubeEnv, kubeResources, scriptWithFolders } from './kubernetes';
import { renderCommand } from './script-command';
import type { ExportModel, ExportStep } from './step-model';

/** The workspace every task shares. */
export const TEKTON_WORKSPACE = 'artifacts';
const ROOT = `$(workspaces.${TEKTON_WORKSPACE}.path)`;

function task(step: ExportStep, model: ExportModel, options: ExportOptions, taskName: string, folderOf: (id: string) => string): Record<string, unknown> {
  const dir = `${ROOT}/${folderOf(step.id)}`;
  const metrics = `${dir}/${NODE_METRICS_FILE}`;
  const env = contractEnv(model, step, {
    input: (s) => `${ROOT}/${folderOf(s.step)}/${s.file}`,
    output: (o) => `${dir}/${o.file}`,
    metrics,
  });
  const stepSpec: Record<string, unknown> = { name: 'run', image: step.image };
  const outputs = [...step.outputs.map((o) => `${dir}/${o.file}`), metrics];
  if (step.script) {
    const command = renderCommand(step.script.command, {
      input: (port) => step.inputs.find((i) => i.port === port)?.sources.map((s) => `"${ROOT}/${folderOf(s.step)}/${s.file}"`).join(' ') ?? '',
      output: (port) => `"${dir}/${outputFile(step, port)}"`,
    });
    stepSpec['command'] = ['/bin/sh', '-c', scriptWithFolders(outputs, command)];
  } else stepSpec['command'] = runNodeCommand(step);
  stepSpec['env'] = [...kubeEnv(env, options, (name) => `$(params.${name})`), { name: 'PIPEWRIGHT_RUN_ID', value: '$(context.pipelineRun.uid)' }];
  const resources = kubeResources(step.settings);
  if (resources) stepSpec['computeResources'] = resources;
  return {
    apiVersion: 'tekton.dev/v1',
    kind: 'Task',
    metadata: { name: taskName, ...(options.namespace ? { namespace: options.namespace } : {}) },
    spec: {
      description: `${step.label} (${step.definition.id}), exported from the Pipewright pipeline ${model.stamp.pipeline}`,
      ...(step.parameters.length > 0 ? { params: step.parameters.map((name) => ({ name, type: 'string' })) } : {}),
      workspaces: [{ name: TEKTON_WORKSPACE }],
      steps: [stepSpec],
    },
  };
}

export const tektonExporter: Exporter = {
  target: 'tekton',
  title: 'Tekton',
  files(model, options) {
    const pipelineName = dnsLabel(model.stamp.pipeline, new Set(), 52);
    const taskNames = new Set<string>();
    const folders = new Set<string>();
    const names = new Map(model.steps.map((s) => [s.id, { task: dnsLabel(s.id, taskNames), folder: dnsLabel(s.id, folders) }]));
    const folderOf = (id: string) => names.get(id)!.folder;
    const resourceNames = new Set<string>([pipelineName]);
    const taskResource = new Map(model.steps.map((s) => [s.id, dnsLabel(`${pipelineName}-${s.id}`, resourceNames)]));
    const namespace = options.namespace ? { namespace: options.namespace } : {};
    const tasks = model.steps.map((s) => task(s, model, options, taskResource.get(s.id)!, folderOf));
    const pipeline = {
      apiVersion: 'tekton.dev/v1',
      kind: 'Pipeline',
      metadata: { name: pipelineName, ...namespace, annotations: { 'pipewright.dev/pipeline': model.stamp.pipeline, 'pipewright.dev/fingerprint': model.stamp.fingerprint } },
      spec: {
        ...(model.description ? { description: model.description } : {}),
        ...(model.parameters.length > 0
          ? {
              params: model.parameters.map((p) => ({
                name: p.name,
                type: 'string',
                ...(p.description ? { description: p.description } : {}),
                ...(defaultText(p) === undefined ? {} : { default: defaultText(p) }),
              })),
            }
          : {}),
        workspaces: [{ name: TEKTON_WORKSPACE, description: 'Every node\'s artifacts, one folder per node' }],
        tasks: model.steps.map((s) => ({
          name: names.get(s.id)!.task,
          taskRef: { name: taskResource.get(s.id)! },
          ...(s.needs.length > 0 ? { runAfter: s.needs.map((n) => names.get(n)!.task) } : {}),
          ...(s.parameters.length > 0 ? { params: s.parameters.map((name) => ({ name, value: `$(params.${name})` })) } : {}),
          workspaces: [{ name: TEKTON_WORKSPACE, workspace: TEKTON_WORKSPACE }],
          ...(s.settings.retries ? { retries: s.settings.retries } : {}),
          ...(s.settings.timeoutSeconds ? { timeout: goDuration(s.settings.timeoutSeconds) } : {}),
        })),
      },
    };
    const run = {
      apiVersion: 'tekton.dev/v1',
      kind: 'PipelineRun',
      metadata: { generateName: `${pipelineName}-run-`, ...namespace },
      spec: {
        pipelineRef: { name: pipelineName },
        ...(model.parameters.some((p) => p.default !== undefined)
          ? { params: model.parameters.filter((p) => p.default !== undefined).map((p) => ({ name: p.name, value: String(p.default) })) }
          : {}),
        workspaces: [
          {
            name: TEKTON_WORKSPACE,
            volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: options.workspaceSize } } } },
          },
        ],
      },
    };
    const documents = [...tasks, pipeline, run].map(toYaml).join('---\n');
    return [{ path: exportPath('tekton', model.stamp.pipeline), content: documents }];
  },
};
