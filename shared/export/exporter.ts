// What an exporter is (one module per target over the neutral step model) and the helpers they share.
import { stringify } from 'yaml';
import type { ExportTarget } from '../nodes/node-type';
import { parameterEnvName, shellQuote } from '../nodes/node-contract';
import type { PipelineParameter } from '../pipeline/pipeline.schema';
import type { ExportOptions } from './export-options';
import { PARAMETERS_ENV } from './run-time-refs';
import { renderCommand } from './script-command';
import type { ArtifactSource, ExportModel, ExportStep, StepOutput } from './step-model';
import type { ValueTemplate } from './value-template';

/** One file an export writes, relative to the output folder. */
export interface ExportFile {
  path: string;
  content: string;
}

/** A target: turns the model into files (without the header, which exportPipeline adds). */
export interface Exporter {
  target: ExportTarget;
  /** Name shown in the dialog and the CLI. */
  title: string;
  files(model: ExportModel, options: ExportOptions): ExportFile[];
}

/** An environment variable before a target spells it: literal text, parameter and secret parts. */
export interface EnvEntry {
  name: string;
  value: ValueTemplate;
}

/** YAML as every exporter writes it: block style, no line folding, stable. */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, singleQuote: false });
}

/** A node's metrics file inside its artifact folder (port ids start with a letter, so `_metrics.json` never collides). */
export const NODE_METRICS_FILE = '_metrics.json';

/** The artifact file name of one of the step's outputs (the port id when the node has no such output). */
export function outputFile(step: ExportStep, port: string): string {
  return step.outputs.find((o) => o.port === port)?.file ?? port;
}

/** Folder (relative to the job's working directory) holding one node's outputs and metrics in CI targets. */
export function ciNodeDir(step: string): string {
  return `pipewright-artifacts/${step}`;
}

/** The contract environment of a step, given how the target spells artifact paths. */
export function contractEnv(
  model: ExportModel,
  step: ExportStep,
  paths: { input(source: ArtifactSource): string; output(output: StepOutput): string; metrics: string; baseDir?: string },
): EnvEntry[] {
  const text = (value: string): ValueTemplate => [{ kind: 'text', text: value }];
  const env: EnvEntry[] = [{ name: 'PIPEWRIGHT_PARAMS', value: text(step.paramsJson) }];
  if (step.parameters.length > 0) {
    const used: PipelineParameter[] = model.parameters.filter((p) => step.parameters.includes(p.name));
    env.push({ name: PARAMETERS_ENV, value: text(JSON.stringify(used)) });
    for (const name of step.parameters) env.push({ name: parameterEnvName(name), value: [{ kind: 'param', name }] });
  }
  for (const name of step.secrets) env.push({ name, value: [{ kind: 'secret', name }] });
  for (const input of step.inputs) env.push({ name: input.envName, value: text(input.sources.map(paths.input).join(':')) });
  for (const output of step.outputs) env.push({ name: output.envName, value: text(paths.output(output)) });
  env.push({ name: 'PIPEWRIGHT_METRICS', value: text(paths.metrics) });
  if (paths.baseDir !== undefined) env.push({ name: 'PIPEWRIGHT_BASE_DIR', value: text(paths.baseDir) });
  env.push({ name: 'PIPEWRIGHT_PIPELINE', value: text(model.stamp.pipeline) });
  if (model.stamp.revision !== undefined) env.push({ name: 'PIPEWRIGHT_PIPELINE_REVISION', value: text(String(model.stamp.revision)) });
  env.push({ name: 'PIPEWRIGHT_NODE_ID', value: text(step.id) });
  for (const entry of step.script?.env ?? []) env.push(entry);
  return env;
}

/** The contract environment of a CI job (GitHub, GitLab): every node's files under pipewright-artifacts/<node>/. */
export function ciContractEnv(model: ExportModel, step: ExportStep, baseDir: string): EnvEntry[] {
  const dir = ciNodeDir(step.id);
  return contractEnv(model, step, { input: (s) => `${ciNodeDir(s.step)}/${s.file}`, output: (o) => `${dir}/${o.file}`, metrics: `${dir}/${NODE_METRICS_FILE}`, baseDir });
}

/** A script node's command in a CI job: inputs and outputs as quoted paths under pipewright-artifacts/. */
export function ciScriptCommand(step: ExportStep): string {
  return renderCommand(step.script?.command ?? [], {
    input: (port) => (step.inputs.find((i) => i.port === port)?.sources ?? []).map((s) => shellQuote(`${ciNodeDir(s.step)}/${s.file}`)).join(' '),
    output: (port) => shellQuote(`${ciNodeDir(step.id)}/${outputFile(step, port)}`),
  });
}

/** `pipewright run-node <type>` for built-ins. */
export function runNodeCommand(step: ExportStep): string[] {
  return ['pipewright', 'run-node', step.definition.id];
}

/** The default of a parameter as text (targets' parameter values are strings). */
export function defaultText(parameter: PipelineParameter): string | undefined {
  return parameter.default === undefined ? undefined : String(parameter.default);
}

/** Lower-case DNS label (Kubernetes names, Argo/Tekton task names, KFP keys), unique within `taken`. */
export function dnsLabel(value: string, taken: Set<string>, maxLength = 63): string {
  const base =
    value
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength - 4) || 'x';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/** Where each target's file goes, relative to the output folder (where that tool expects it). */
export function exportPath(target: ExportTarget, pipelineName: string): string {
  const stem = fileStem(pipelineName);
  return { github: `.github/workflows/${stem}.yml`, gitlab: '.gitlab-ci.yml', argo: `${stem}.argo.yaml`, kubeflow: `${stem}.kubeflow.yaml`, tekton: `${stem}.tekton.yaml` }[target];
}

/** A pipeline name as a file name: lower case, letters, digits, dots and dashes. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'pipeline'
  );
}
