// GitHub Actions: one job per node with `needs:` from the DAG, artifacts through upload/download-artifact, pipeline
// parameters as workflow_dispatch inputs, an optional cron schedule, and every job in its node's container image.
import type { PipelineParameter } from '../pipeline/pipeline.schema';
import { ciContractEnv, ciNodeDir, ciScriptCommand, defaultText, exportPath, runNodeCommand, toYaml, type Exporter } from './exporter';
import type { ExportOptions } from './export-options';
import type { ExportModel, ExportStep } from './step-model';
import { renderTemplate } from './value-template';

/** Action versions the export uses; test/fixtures/schemas/github-actions holds their action.yml. */
export const GITHUB_ACTIONS = {
  checkout: 'actions/checkout@v5',
  upload: 'actions/upload-artifact@v6',
  download: 'actions/download-artifact@v7',
} as const;

/** Literal text in a workflow: `${{` would start an expression, so it is written as an expression of itself. */
function literal(text: string): string {
  return text.replace(/\$\{\{/g, "${{ '${{' }}");
}

function inputType(parameter: PipelineParameter): 'string' | 'number' | 'boolean' {
  return parameter.type;
}

/** The parameter's value: the dispatch input, or its default when the schedule started the run (inputs are empty). */
function parameterExpression(name: string, model: ExportModel, options: ExportOptions): string {
  const parameter = model.parameters.find((p) => p.name === name)!;
  const fallback = defaultText(parameter);
  if (!options.schedule || fallback === undefined) return `\${{ inputs.${name} }}`;
  return `\${{ github.event_name == 'schedule' && '${fallback.replace(/'/g, "''")}' || inputs.${name} }}`;
}

function job(step: ExportStep, model: ExportModel, options: ExportOptions): Record<string, unknown> {
  const dir = ciNodeDir(step.id);
  const env = ciContractEnv(model, step, options.baseDir);
  const rendered: Record<string, string> = Object.fromEntries(
    env.map((e) => [e.name, renderTemplate(e.value, { text: literal, param: (n) => parameterExpression(n, model, options), secret: (n) => `\${{ secrets.${n} }}` })]),
  );
  rendered['PIPEWRIGHT_RUN_ID'] = '${{ github.run_id }}-${{ github.run_attempt }}';
  const upstream = [...new Set(step.inputs.flatMap((i) => i.sources.map((s) => s.step)))];
  const run = step.script
    ? {
        name: `Run ${literal(step.label)}`,
        shell: 'sh {0}',
        run: literal(`mkdir -p ${dir}\n${ciScriptCommand(step)}\n`),
      }
    : { name: `Run ${literal(step.label)}`, run: runNodeCommand(step).join(' ') };
  return {
    name: literal(step.label),
    ...(step.needs.length > 0 ? { needs: step.needs } : {}),
    'runs-on': 'ubuntu-latest',
    container: { image: step.image },
    ...(step.settings.timeoutSeconds ? { 'timeout-minutes': Math.ceil(step.settings.timeoutSeconds / 60) } : {}),
    env: rendered,
    steps: [
      { name: 'Check out the repository', uses: GITHUB_ACTIONS.checkout },
      ...upstream.map((source) => ({
        name: `Download the outputs of ${source}`,
        uses: GITHUB_ACTIONS.download,
        with: { name: source, path: ciNodeDir(source) },
      })),
      run,
      {
        name: 'Upload outputs and metrics',
        uses: GITHUB_ACTIONS.upload,
        with: { name: step.id, path: `${dir}/`, 'if-no-files-found': step.outputs.length > 0 ? 'error' : 'ignore' },
      },
    ],
  };
}

export const githubExporter: Exporter = {
  target: 'github',
  title: 'GitHub Actions',
  files(model, options) {
    const inputs = Object.fromEntries(
      model.parameters.map((p) => [
        p.name,
        {
          description: literal(p.description ?? `Pipeline parameter ${p.name}`),
          type: inputType(p),
          required: p.default === undefined,
          ...(p.default === undefined ? {} : { default: p.default }),
        },
      ]),
    );
    const workflow = {
      name: literal(model.stamp.pipeline),
      on: {
        workflow_dispatch: model.parameters.length > 0 ? { inputs } : null,
        ...(options.schedule ? { schedule: [{ cron: options.schedule }] } : {}),
      },
      permissions: { contents: 'read' },
      jobs: Object.fromEntries(model.steps.map((s) => [s.id, job(s, model, options)])),
    };
    return [{ path: exportPath('github', model.stamp.pipeline), content: toYaml(workflow) }];
  },
};
