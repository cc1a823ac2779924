// Deliberately broken exports: each target's validator must reject every one of them (proof the validators can fail).
import { parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportPipeline } from '../../shared/export/export-pipeline';
import type { ExportTarget } from '../../shared/nodes/node-type';
import { exportFixtures, optionsFor } from './support/export-fixtures';
import { testLookup } from './support/synthetic-types';
import { validateExportText } from './validators/index';

/* eslint-disable @typescript-eslint/no-explicit-any -- mutations poke into untyped YAML documents */
type Docs = any[];

const [, pipeline] = exportFixtures().find(([name]) => name === 'ml-flow')!;

function exported(target: ExportTarget): Docs {
  const [file] = exportPipeline(pipeline, optionsFor(target), 4, testLookup).files;
  return parseAllDocuments(file!.content).map((d) => d.toJS());
}

function broken(target: ExportTarget, mutate: (docs: Docs) => void): string {
  const docs = exported(target);
  mutate(docs);
  return docs.map((d) => stringify(d)).join('---\n');
}

const byKind = (docs: Docs, kind: string, name?: string) => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));

const cases: Array<[ExportTarget, string, (docs: Docs) => void, RegExp]> = [
  ['github', 'an unknown job key', (d) => (d[0].jobs.load.runs_on = 'x'), /runs_on/],
  ['github', 'needs naming a missing job', (d) => (d[0].jobs.split.needs = ['nowhere']), /nowhere/],
  ['github', 'an input the action does not have', (d) => (d[0].jobs.load.steps.at(-1).with.retention = 3), /Invalid action input 'retention'/],
  ['github', 'an unknown action version', (d) => (d[0].jobs.load.steps[0].uses = 'actions/checkout@v99'), /checkout@v99/],
  ['github', 'an expression reading an undeclared input', (d) => (d[0].jobs.load.env.X = '${{ inputs.nope }}'), /nope/],
  ['github', 'a job without runs-on', (d) => delete d[0].jobs.load['runs-on'], /runs-on/],
  ['gitlab', 'an unknown job keyword', (d) => (d[0].load.scripts = ['x']), /scripts/],
  ['gitlab', 'needs naming a missing job', (d) => (d[0].split.needs = [{ job: 'nowhere', artifacts: true }]), /nowhere/],
  ['gitlab', 'a malformed variable', (d) => (d[0].load.variables.X = { value: 'a', expand: 'no' }), /variables/],
  ['gitlab', 'an invalid artifacts:when', (d) => (d[0].load.artifacts.when = 'sometimes'), /when/],
  ['gitlab', 'retry above 2', (d) => (d[0].load.retry = 5), /retry/],
  ['gitlab', 'a job without a script', (d) => delete d[0].load.script, /script|load/],
  ['argo', 'an unknown container field', (d) => (d[0].spec.templates[1].container.commands = ['x']), /commands/],
  ['argo', 'a dependency on a missing task', (d) => d[0].spec.templates[0].dag.tasks[1].dependencies.push('nowhere'), /nowhere/],
  ['argo', 'an artifact from an output that does not exist', (d) => (d[0].spec.templates[0].dag.tasks[1].arguments.artifacts[0].from = '{{tasks.load.outputs.artifacts.nope}}'), /no task output/],
  ['argo', 'a cycle', (d) => (d[0].spec.templates[0].dag.tasks[0].dependencies = ['split']), /cycle/],
  ['argo', 'a missing template', (d) => (d[0].spec.templates[0].dag.tasks[0].template = 'nope'), /missing template/],
  ['argo', 'an undeclared workflow parameter', (d) => (d[0].spec.arguments.parameters = d[0].spec.arguments.parameters.slice(1)), /test_size/],
  ['argo', 'a wrong type', (d) => (d[0].spec.templates[1].container.image = 42), /image/],
  ['kubeflow', 'an unknown task field', (d) => (d[0].root.dag.tasks.load.cachingOption = { enableCache: true }), /cachingOption/],
  ['kubeflow', 'a componentRef to a missing component', (d) => (d[0].root.dag.tasks.split.componentRef.name = 'comp-nope'), /comp-nope/],
  ['kubeflow', 'a taskOutputArtifact naming no producer output', (d) => (d[0].root.dag.tasks.split.inputs.artifacts.dataset.taskOutputArtifact.outputArtifactKey = 'nope'), /no real producer output/],
  ['kubeflow', 'an invalid parameter type', (d) => (d[0].root.inputDefinitions.parameters.test_size.parameterType = 'FLOAT'), /FLOAT/],
  ['kubeflow', 'a missing executor', (d) => delete d[0].deploymentSpec.executors['exec-load'], /exec-load/],
  ['kubeflow', 'a oneof set twice', (d) => (d[0].root.dag.tasks.split.inputs.artifacts.dataset.componentInputArtifact = 'x'), /one of/],
  ['kubeflow', 'an unknown field in an executor container', (d) => (d[0].deploymentSpec.executors['exec-load'].container.entrypoint = ['x']), /entrypoint/],
  ['tekton', 'an unknown step field', (d) => (byKind(d, 'Task').spec.steps[0].commands = ['x']), /commands/],
  ['tekton', 'runAfter naming a missing task', (d) => byKind(d, 'Pipeline').spec.tasks[1].runAfter.push('nowhere'), /nowhere/],
  ['tekton', 'a taskRef to a missing Task', (d) => (byKind(d, 'Pipeline').spec.tasks[0].taskRef.name = 'nope'), /nope/],
  ['tekton', 'a param the Task does not declare', (d) => byKind(d, 'Pipeline').spec.tasks[1].params.push({ name: 'extra', value: 'x' }), /extra/],
  ['tekton', 'an unbound workspace', (d) => delete byKind(d, 'Pipeline').spec.tasks[0].workspaces, /unbound/],
  ['tekton', 'an undeclared $(params.x)', (d) => (byKind(d, 'Task').spec.steps[0].env[0].value = '$(params.nope)'), /nope/],
  ['tekton', 'a PipelineRun for another pipeline', (d) => (byKind(d, 'PipelineRun').spec.pipelineRef.name = 'other'), /other/],
];

describe.each(cases)('%s rejects %s', (target, _what, mutate, expected) => {
  it('reports it', async () => {
    const problems = await validateExportText(target, broken(target, mutate));
    expect(problems.join('\n')).toMatch(expected);
  });
});

it('every target has at least five negative cases', () => {
  for (const target of ['github', 'gitlab', 'argo', 'kubeflow', 'tekton']) expect(cases.filter((c) => c[0] === target).length).toBeGreaterThanOrEqual(5);
});

it('the unmutated exports pass the same validators', async () => {
  for (const target of ['github', 'gitlab', 'argo', 'kubeflow', 'tekton'] as const) {
    expect(await validateExportText(target, broken(target, () => {})), target).toEqual([]);
  }
});
