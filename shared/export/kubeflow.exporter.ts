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
import type { ArtifactSource, ExportModel, ExportStep, StepInput } from './step-model';
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

/** The executor's container: image, the prelude + command, placeholders as arguments, static env, resources. */
/** Shell lines that move placeholder arguments ($1, $2 …) into the contract variables, and the arguments themselves. */
interface Prelude {
  lines: string[];
  args: string[];
  /** Shell words of each input port's paths, for `{{inputs.<port>}}` in script commands. */
  inputWords: Map<string, string[]>;
}

function prelude(step: ExportStep): Prelude {
  const p: Prelude = { lines: [], args: [], inputWords: new Map() };
  const arg = (placeholder: string) => {
    p.args.push(placeholder);
    return `"$${p.args.length}"`;
  };
  for (const name of step.parameters) p.lines.push(`export ${parameterEnvName(name)}=${arg(`{{$.inputs.parameters['${name}']}}`)}`);
  for (const input of step.inputs) {
    const vars = input.sources.map((_s, i) => {
      const variable = `PIPEWRIGHT_IN_${input.envName.slice('PIPEWRIGHT_INPUT_'.length)}_${i + 1}`;
      p.lines.push(`${variable}=${arg(`{{$.inputs.artifacts['${inputKey(input.port, i, input.multiple)}'].path}}`)}`);
      return variable;
    });
    p.lines.push(`export ${input.envName}="${vars.map((v) => `$${v}`).join(':')}"`);
    p.inputWords.set(input.port, vars.map((v) => `"$${v}"`));
  }
  for (const output of step.outputs) p.lines.push(`export ${output.envName}=${arg(`{{$.outputs.artifacts['${output.port}'].path}}`)}`);
  p.lines.push(`export PIPEWRIGHT_METRICS=${arg(`{{$.outputs.artifacts['${KFP_METRICS_ARTIFACT}'].path}}`)}`);
  p.lines.push(`export PIPEWRIGHT_RUN_ID=${arg('{{$.pipeline_job_uuid}}')}`);
  p.lines.push('set --');
  const folders = [...step.outputs.map((o) => `"$(dirname "$${o.envName}")"`), '"$(dirname "$PIPEWRIGHT_METRICS")"'];
  // The metrics artifact must exist even when the node reports nothing; ended by a newline, so a script that appends
  // one JSON object per step (docs/node-contract.md) still writes well-formed lines after it.
  p.lines.push(`mkdir -p ${folders.join(' ')}`, `printf '{}\\n' > "$PIPEWRIGHT_METRICS"`);
  return p;
}

/** The executor's container: image, the prelude + command, placeholders as arguments, static env, resources. */
function container(step: ExportStep, model: ExportModel): Record<string, unknown> {
  const { lines, args, inputWords } = prelude(step);
  const handled = new Set(['PIPEWRIGHT_METRICS', ...step.inputs.map((i) => i.envName), ...step.outputs.map((o) => o.envName), ...step.parameters.map(parameterEnvName)]);
  const env: Array<{ name: string; value: string }> = [];
  for (const entry of contractEnv(model, step, { input: () => '', output: () => '', metrics: '' })) {
    if (handled.has(entry.name)) continue;
    // Secrets come from the platform spec's secretAsEnv.
    if (entry.value.length === 1 && entry.value[0]!.kind === 'secret' && entry.value[0]!.name === entry.name) continue;
    if (entry.value.every((p) => p.kind === 'text')) {
      env.push({ name: entry.name, value: renderTemplate(entry.value, { text: (t) => t.replace(/\$\(/g, '$$$$('), param: () => '', secret: () => '' }) });
    } else {
      lines.push(`export ${entry.name}="${renderTemplate(entry.value, { text: dq, param: (n) => `\${${parameterEnvName(n)}}`, secret: (n) => `\${${n}}` })}"`);
    }
  }
  const body = step.script
    ? renderCommand(step.script.command, { input: (port) => (inputWords.get(port) ?? []).join(' '), output: (port) => `"$${step.outputs.find((o) => o.port === port)?.envName ?? ''}"` })
    : `exec ${runNodeCommand(step).map(shellQuote).join(' ')}`;
  const r = step.settings.resources;
  const resources = {
    ...(r?.cpu ? { resourceCpuRequest: r.cpu } : {}),
    ...(r?.memory ? { resourceMemoryRequest: r.memory, resourceMemoryLimit: r.memory } : {}),
    ...(r?.gpu ? { accelerator: { resourceType: 'nvidia.com/gpu', resourceCount: String(r.gpu) } } : {}),
  };
  return { image: step.image, command: ['/bin/sh', '-c', `${lines.join('\n')}\n${body}\n`, 'pipewright-step'], args, env, ...nonEmpty('resources', resources) };
}

/** Adds `key: value` only when the value is non-empty (KFP's own compiler leaves empty sections out). */
function nonEmpty<T extends object>(key: string, value: T): Record<string, T> {
  return Object.keys(value).length > 0 ? { [key]: value } : {};
}

/** The input artifacts of a step by KFP key, each with the output that feeds it. */
function inputArtifacts(step: ExportStep): Array<[string, StepInput, ArtifactSource]> {
  return step.inputs.flatMap((i) => i.sources.map((s, n): [string, StepInput, ArtifactSource] => [inputKey(i.port, n, i.multiple), i, s]));
}

function componentSpec(step: ExportStep, model: ExportModel, executorLabel: string): Record<string, unknown> {
  const parameterType = (name: string) => PARAMETER_TYPES[model.parameters.find((p) => p.name === name)!.type];
  const inputs = {
    ...nonEmpty('artifacts', Object.fromEntries(inputArtifacts(step).map(([key, input]) => [key, { artifactType: artifactType(input.type) }]))),
    ...nonEmpty('parameters', Object.fromEntries(step.parameters.map((p) => [p, { parameterType: parameterType(p) }]))),
  };
  return {
    executorLabel,
    ...nonEmpty('inputDefinitions', inputs),
    outputDefinitions: {
      artifacts: Object.fromEntries([
        ...step.outputs.map((o) => [o.port, { artifactType: artifactType(o.type) }]),
        [KFP_METRICS_ARTIFACT, { artifactType: artifactType('metrics-file') }],
      ]),
    },
  };
}

function taskSpec(step: ExportStep, name: string, taskOf: Map<string, string>): Record<string, unknown> {
  const inputs = {
    ...nonEmpty(
      'artifacts',
      Object.fromEntries(inputArtifacts(step).map(([key, , s]) => [key, { taskOutputArtifact: { producerTask: taskOf.get(s.step)!, outputArtifactKey: s.port } }])),
    ),
    ...nonEmpty('parameters', Object.fromEntries(step.parameters.map((p) => [p, { componentInputParameter: p }]))),
  };
  return {
    taskInfo: { name },
    componentRef: { name: `comp-${name}` },
    ...(step.needs.length > 0 ? { dependentTasks: step.needs.map((n) => taskOf.get(n)!) } : {}),
    ...nonEmpty('inputs', inputs),
    cachingOptions: { enableCache: step.settings.cache !== false && !step.definition.sideEffects },
    ...(step.settings.retries ? { retryPolicy: { maxRetryCount: step.settings.retries } } : {}),
  };
}

function rootInputs(model: ExportModel): Record<string, unknown> {
  const parameters = Object.fromEntries(
    model.parameters.map((p) => [
      p.name,
      {
        parameterType: PARAMETER_TYPES[p.type],
        ...(p.default === undefined ? {} : { defaultValue: p.default, isOptional: true }),
        ...(p.description ? { description: p.description } : {}),
      },
    ]),
  );
  return nonEmpty('inputDefinitions', nonEmpty('parameters', parameters));
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
      executors[`exec-${name}`] = { container: container(step, model) };
      if (step.secrets.length > 0) {
        platformExecutors[`exec-${name}`] = { secretAsEnv: [{ secretName: options.secretName, keyToEnv: step.secrets.map((s) => ({ secretKey: s, envVar: s })) }] };
      }
      components[`comp-${name}`] = componentSpec(step, model, `exec-${name}`);
      tasks[name] = taskSpec(step, name, taskOf);
    }
    const spec = {
      pipelineInfo: { name: dnsLabel(model.stamp.pipeline, new Set()), ...(model.description ? { description: model.description } : {}), displayName: model.stamp.pipeline },
      root: { dag: { tasks }, ...rootInputs(model) },
      components,
      deploymentSpec: { executors },
      schemaVersion: '2.1.0',
      sdkVersion: 'pipewright',
    };
    const platform = Object.keys(platformExecutors).length > 0 ? `---\n${toYaml({ platforms: { kubernetes: { deploymentSpec: { executors: platformExecutors } } } })}` : '';
    return [{ path: exportPath('kubeflow', model.stamp.pipeline), content: toYaml(spec) + platform }];
  },
};
