// GitLab CI: one job per node in its node's image, `needs:` with `artifacts: true` from the DAG, the node's folder as
// `artifacts:paths`, pipeline parameters as pipeline variables (editable in "Run pipeline"), secrets as CI/CD variables.
import { ciContractEnv, ciNodeDir, ciScriptCommand, defaultText, exportPath, runNodeCommand, toYaml, type Exporter } from './exporter';
import type { ExportModel, ExportStep } from './step-model';

/** The stage every job is in: order comes from `needs`, not from stages. */
const STAGE = 'pipeline';
/** GitLab's `retry` keyword accepts 0, 1 or 2. */
const MAX_RETRY = 2;

/** Top-level keywords of .gitlab-ci.yml: a node with one of these ids can't be a job (the lint reports it). */
export const GITLAB_RESERVED = ['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'default', 'workflow', 'spec'];

/** `$` starts a variable reference in GitLab variables; `$$` is a literal dollar. */
function literal(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

function timeout(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.ceil(seconds % 60);
  return [h && `${h}h`, m && `${m}m`, s && `${s}s`].filter(Boolean).join(' ');
}

function job(step: ExportStep, model: ExportModel, baseDir: string): Record<string, unknown> {
  const dir = ciNodeDir(step.id);
  const env = ciContractEnv(model, step, baseDir);
  const variables: Record<string, unknown> = {};
  for (const entry of env) {
    // A CI/CD variable is already in every job's environment under its own name.
    if (entry.value.length === 1 && entry.value[0]!.kind === 'secret' && entry.value[0]!.name === entry.name) continue;
    const onlyText = entry.value.every((p) => p.kind === 'text');
    variables[entry.name] = onlyText
      ? { value: entry.value.map((p) => (p.kind === 'text' ? p.text : '')).join(''), expand: false }
      : entry.value.map((p) => (p.kind === 'text' ? literal(p.text) : `\${${p.name}}`)).join('');
  }
  variables['PIPEWRIGHT_RUN_ID'] = '$CI_PIPELINE_ID';
  let script: string[];
  if (step.script) {
    variables['PIPEWRIGHT_COMMAND'] = { value: ciScriptCommand(step), expand: false };
    // Run exactly like a local run: `/bin/sh -c <command>`, without GitLab's per-line error checking.
    script = [`mkdir -p ${dir}`, '/bin/sh -c "$PIPEWRIGHT_COMMAND"'];
  } else script = [runNodeCommand(step).join(' ')];
  const retries = Math.min(step.settings.retries ?? 0, MAX_RETRY);
  return {
    stage: STAGE,
    image: step.image,
    needs: step.needs.map((source) => ({ job: source, artifacts: step.inputs.some((i) => i.sources.some((s) => s.step === source)) })),
    variables,
    script,
    artifacts: { paths: [`${dir}/`], when: 'on_success' },
    ...(retries > 0 ? { retry: retries } : {}),
    ...(step.settings.timeoutSeconds ? { timeout: timeout(step.settings.timeoutSeconds) } : {}),
  };
}

export const gitlabExporter: Exporter = {
  target: 'gitlab',
  title: 'GitLab CI',
  files(model, options) {
    const variables = Object.fromEntries(
      model.parameters.map((p) => [p.name, { value: defaultText(p) ?? '', description: p.description ?? `Pipeline parameter ${p.name} (${p.type})` }]),
    );
    const usesRunner = model.steps.some((s) => !s.script);
    const document = {
      stages: [STAGE],
      ...(model.parameters.length > 0 ? { variables } : {}),
      // Built-in jobs run `pipewright` from the runner image; a shell runner (or the rehearsal) points PIPEWRIGHT_BIN_DIR
      // at a checkout's bin/ instead.
      ...(usesRunner ? { default: { before_script: ['export PATH="${PIPEWRIGHT_BIN_DIR:+$PIPEWRIGHT_BIN_DIR:}$PATH"'] } } : {}),
      ...Object.fromEntries(model.steps.map((s) => [s.id, job(s, model, options.baseDir)])),
    };
    // A .gitlab-ci.yml can't declare a schedule: say where it goes instead of dropping it.
    const note = options.schedule ? `# Scheduled pipeline: create the schedule "${options.schedule}" in GitLab (Build → Pipeline schedules).\n` : '';
    return [{ path: exportPath('gitlab', model.stamp.pipeline), content: note + toYaml(document) }];
  },
};
