// Kubeflow Pipelines v2: the compiled pipeline IR (schemaVersion 2.1.0) — components, executors with container
// image/command/args, root.dag.tasks with dependentTasks and taskOutputArtifact inputs, caching per task — plus the
// Kubernetes platform spec (second document) that maps secrets from a Kubernetes Secret. Uploadable as-is.
//
// KFP resolves placeholders only in command/args, never in env, so each container starts with a small shell prelude
// that moves parameter values and artifact paths from its arguments into the contract variables.
import { parameterEnvName, shellQuote } from '../nodes/node-contract';
import type { ArtifactType } from '../pipeline/pipeline.schema';
import { contractEnv, dnsLabel, exportPath, runNodeCommand, toYaml, type Exporter } from './exporter';
import type { ExportOptions } from './export-options';
import { renderCommand } from './script-command';
import type { ExportModel, ExportStep } from './step-model';
import { renderTemplate } from './value-template';

/** Output artifact holding the node's metrics JSON (port ids start with a letter: no collision). */
export const KFP_METRICS_ARTIFACT = '_pipewright-metrics';

const PARAMETER_TYPES = { string: 'STRING', number: 'NUMBER_DOUBLE', boolean: 'BOOLEAN' } as const;

function artifactType(type: ArtifactType | 'metrics-file'): { schemaTitle: string; schemaVersion: string } {
  const title = { dataset: 'system.Dataset', model: 'system.Model', metrics: 'system.Metrics', 'metrics-file': 'system.Metrics' }[type as string] ?? 'system.Artifact';
  return { schemaTitle: title, schemaVersion: '0.0.1' };
}

/** Input artifact key of one source of a port (a `multiple` input has one per source). */
function inputKey(port: string, index: number, multiple: boolean): string {
  return multiple ? `${port}-${index + 1}` : port;
}

/** Double-quoted shell text (for values assembled in the prelude). */
function dq(text: string): string {
  return text.replace(/[\\"$`]/g, (c) => `\\${c}`);
}

interface Executor {
  container: Record<string, unknown>;
  secrets: string[];
}

function executor(step: ExportStep, model: ExportModel): Executor {
  const args: string[] = [];
  const prelude: string[] = [];
  const arg = (placeholder: string) => {
    args.push(placeholder);
    return `"$${args.length}"`;
  };
  for (const name of step.parameters) prelude.push(`export ${parameterEnvName(name)}=${arg(`{{$.inputs.parameters['${name}']}}`)}`);
  const inputWords = new Map<string, string[]>();
  step.inputs.forEach((input) => {
    const vars = input.sources.map((_s, i) => {
      const variable = `PIPEWRIGHT_IN_${input.envName.slice('PIPEWRIGHT_INPUT_'.length)}_${i + 1}`;
      prelude.push(`${variable}=${arg(`{{$.inputs.artifacts['${inputKey(input.port, i, input.multiple)}'].path}}`)}`);
      return variable;
    });
    prelude.push(`export ${input.envName}="${vars.map((v) => `$${v}`).join(':')}"`);
    inputWords.set(input.port, vars.map((v) => `"$${v}"`));
  });
  for (const output of step.outputs) prelude.push(`export ${output.envName}=${arg(`{{$.outputs.artifacts['${output.port}'].path}}`)}`);
  prelude.push(`export PIPEWRIGHT_METRICS=${arg(`{{$.outputs.artifacts['${KFP_METRICS_ARTIFACT}'].path}}`)}`);
  prelude.push(`export PIPEWRIGHT_RUN_ID=${arg('{{$.pipeline_job_uuid}}')}`);
  prelude.push('set --');
  const folders = [...step.outputs.map((o) => `"$(dirname "$${o.envName}")"`), '"$(dirname "$PIPEWRIGHT_METRICS")"'];
  prelude.push(`mkdir -p ${folders.join(' ')}`, `printf '{}' > "$PIPEWRIGHT_METRICS"`);

  const handled = new Set(['PIPEWRIGHT_METRICS', ...step.inputs.map((i) => i.envName), ...step.outputs.map((o) => o.envName), ...step.parameters.map(parameterEnvName)]);
  const env: Array<{ name: string; value: string }> = [];
  for (const entry of contractEnv(model, step, { input: () => '', output: () => '', metrics: '' })) {
    if (handled.has(entry.name)) continue;
    if (entry.value.length === 1 && entry.value[0]!.kind === 'secret' && entry.value[0]!.name === entry.name) continue;
    if (entry.value.every((p) => p.kind === 'text')) {
      env.push({ name: entry.name, value: renderTemplate(entry.value, { text: (t) => t.replace(/\$\(/g, '$$$$('), param: () => '', secret: () => '' }) });
    } else {
      prelude.push(`export ${entry.name}="${renderTemplate(entry.value, { text: dq, param: (n) => `\${${parameterEnvName(n)}}`, secret: (n) => `\${${n}}` })}"`);
    }
  }
  const body = step.script
    ? renderCommand(step.script.command, { input: (port) => (inputWords.get(port) ?? []).join(' '), output: (port) => `"$${step.outputs.find((o) => o.port === port)?.envName ?? ''}"` })
    : `exec ${runNodeCommand(step).map(shellQuote).join(' ')}`;
  const resources = step.settings.resources;
  const container: Record<string, unknown> = {
    image: step.image,
    command: ['/bin/sh', '-c', `${prelude.join('\n')}\n${body}\n`, 'pipewright-step'],
    args,
    env,
  };
  if (resources && (resources.cpu || resources.memory || resources.gpu)) {
    container['resources'] = {
      ...(resources.cpu ? { resourceCpuRequest: resources.cpu } : {}),
      ...(resources.memory ? { resourceMemoryRequest: resources.memory, resourceMemoryLimit: resources.memory } : {}),
      ...(resources.gpu ? { accelerator: { resourceType: 'nvidia.com/gpu', resourceCount: String(resources.gpu) } } : {}),
    };
  }
  return { container, secrets: step.secrets };
}

export const kubeflowExporter: Exporter = {
  target: 'kubeflow',
  title: 'Kubeflow Pipelines',
  files(model, options: ExportOptions) {
    const taken = new Set<string>();
    const taskOf = new Map(model.steps.map((s) => [s.id, dnsLabel(s.id, taken)]));
    const components: Record<string, unknown> = {};
    const executors: Record<string, unknown> = {};
    const platformExecutors: Record<string, unknown> = {};
    const tasks: Record<string, unknown> = {};
    for (const step of model.steps) {
      const name = taskOf.get(step.id)!;
      const { container, secrets } = executor(step, model);
      executors[`exec-${name}`] = { container };
      if (secrets.length > 0) {
        platformExecutors[`exec-${name}`] = { secretAsEnv: [{ secretName: options.secretName, keyToEnv: secrets.map((s) => ({ secretKey: s, envVar: s })) }] };
      }
      const inputArtifacts = Object.fromEntries(
        step.inputs.flatMap((i) => i.sources.map((s, n) => [inputKey(i.port, n, i.multiple), s])),
      );
      components[`comp-${name}`] = {
        executorLabel: `exec-${name}`,
        ...(step.inputs.length > 0 || step.parameters.length > 0
          ? {
              inputDefinitions: {
                ...(step.inputs.length > 0
                  ? { artifacts: Object.fromEntries(step.inputs.flatMap((i) => i.sources.map((_s, n) => [inputKey(i.port, n, i.multiple), { artifactType: artifactType(i.type) }]))) }
                  : {}),
                ...(step.parameters.length > 0
                  ? { parameters: Object.fromEntries(step.parameters.map((p) => [p, { parameterType: PARAMETER_TYPES[model.parameters.find((q) => q.name === p)!.type] }])) }
                  : {}),
              },
            }
          : {}),
        outputDefinitions: {
          artifacts: Object.fromEntries([
            ...step.outputs.map((o) => [o.port, { artifactType: artifactType(o.type) }]),
            [KFP_METRICS_ARTIFACT, { artifactType: artifactType('metrics-file') }],
          ]),
        },
      };
      tasks[name] = {
        taskInfo: { name },
        componentRef: { name: `comp-${name}` },
        ...(step.needs.length > 0 ? { dependentTasks: step.needs.map((n) => taskOf.get(n)!) } : {}),
        ...(step.inputs.length > 0 || step.parameters.length > 0
          ? {
              inputs: {
                ...(step.inputs.length > 0
                  ? {
                      artifacts: Object.fromEntries(
                        Object.entries(inputArtifacts).map(([key, s]) => [key, { taskOutputArtifact: { producerTask: taskOf.get(s.step)!, outputArtifactKey: s.port } }]),
                      ),
                    }
                  : {}),
                ...(step.parameters.length > 0 ? { parameters: Object.fromEntries(step.parameters.map((p) => [p, { componentInputParameter: p }])) } : {}),
              },
            }
          : {}),
        cachingOptions: { enableCache: step.settings.cache !== false && !step.definition.sideEffects },
        ...(step.settings.retries ? { retryPolicy: { maxRetryCount: step.settings.retries } } : {}),
      };
    }
    const spec = {
      pipelineInfo: { name: dnsLabel(model.stamp.pipeline, new Set()), ...(model.description ? { description: model.description } : {}), displayName: model.stamp.pipeline },
      root: {
        dag: { tasks },
        ...(model.parameters.length > 0
          ? {
              inputDefinitions: {
                parameters: Object.fromEntries(
                  model.parameters.map((p) => [
                    p.name,
                    {
                      parameterType: PARAMETER_TYPES[p.type],
                      ...(p.default === undefined ? {} : { defaultValue: p.default, isOptional: true }),
                      ...(p.description ? { description: p.description } : {}),
                    },
                  ]),
                ),
              },
            }
          : {}),
      },
      components,
      deploymentSpec: { executors },
      schemaVersion: '2.1.0',
      sdkVersion: 'pipewright',
    };
    const platform = Object.keys(platformExecutors).length > 0 ? `---\n${toYaml({ platforms: { kubernetes: { deploymentSpec: { executors: platformExecutors } } } })}` : '';
    return [{ path: exportPath('kubeflow', model.stamp.pipeline), content: toYaml(spec) + platform }];
  },
};
