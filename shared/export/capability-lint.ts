// The capability lint: before exporting, lists what the chosen target cannot express or will run differently, as
// problems on the nodes involved. Nothing is silently dropped: every setting an exporter can't map is reported here.
import type { ExportTarget } from '../nodes/node-type';
import type { Problem } from '../validation/problem';
import type { ExportOptions } from './export-options';
import { GITLAB_RESERVED } from './gitlab.exporter';
import { refsInSingleQuotes } from './script-command';
import type { ExportModel, ExportStep } from './step-model';

/** GitHub's limit of jobs in one workflow. */
const GITHUB_MAX_JOBS = 256;
/** GitLab's limit of `needs` entries per job. */
const GITLAB_MAX_NEEDS = 50;

/** What a target can express, as the lint needs to know it. */
interface Capabilities {
  title: string;
  /** CPU and memory requests. */
  resources: boolean;
  gpu: boolean;
  /** Highest retry count the target accepts (0: no retries at all). */
  maxRetries: number;
  timeout: 'seconds' | 'minutes' | 'none';
  /** Per-step result caching like the local runner's. */
  stepCache: boolean;
  /** Jobs see the repository checkout, so relative file params work. */
  repositoryFiles: boolean;
  /** Where a cron schedule goes. */
  schedule: 'file' | 'argo' | 'outside';
  /** Said once when the pipeline passes artifacts. */
  artifactNote: string;
}

const CAPABILITIES: Record<ExportTarget, Capabilities> = {
  github: {
    title: 'GitHub Actions',
    resources: false,
    gpu: false,
    maxRetries: 0,
    timeout: 'minutes',
    stepCache: false,
    repositoryFiles: true,
    schedule: 'file',
    artifactNote: 'artifacts count against the repository\'s Actions storage and expire after 90 days by default; very large datasets or models are better kept in object storage',
  },
  gitlab: {
    title: 'GitLab CI',
    resources: false,
    gpu: false,
    maxRetries: 2,
    timeout: 'seconds',
    stepCache: false,
    repositoryFiles: true,
    schedule: 'outside',
    artifactNote: 'job artifacts are limited by the instance\'s maximum artifact size (100 MB by default on GitLab.com); a larger dataset or model fails the upload',
  },
  argo: {
    title: 'Argo Workflows',
    resources: true,
    gpu: true,
    maxRetries: 10,
    timeout: 'seconds',
    stepCache: false,
    repositoryFiles: false,
    schedule: 'argo',
    artifactNote: 'artifacts go through the cluster\'s artifact repository (S3, GCS, MinIO …): it must be configured for the namespace',
  },
  kubeflow: {
    title: 'Kubeflow Pipelines',
    resources: true,
    gpu: true,
    maxRetries: 10,
    timeout: 'none',
    stepCache: true,
    repositoryFiles: false,
    schedule: 'outside',
    artifactNote: 'artifacts are stored in the Kubeflow Pipelines object store configured for the installation',
  },
  tekton: {
    title: 'Tekton',
    resources: true,
    gpu: true,
    maxRetries: 10,
    timeout: 'seconds',
    stepCache: false,
    repositoryFiles: false,
    schedule: 'outside',
    artifactNote: 'artifacts live on the shared workspace volume of the PipelineRun; its size is the workspace-size option',
  },
};

/** Every problem of exporting `model` to `options.target`, in step order. */
export function lintForTarget(model: ExportModel, options: ExportOptions): Problem[] {
  const caps = CAPABILITIES[options.target];
  const problems = model.steps.flatMap((step) => lintStep(step, model, options, caps));
  problems.push(...lintPipeline(model, options, caps));
  return problems;
}

/** Reports one problem on the step's node. */
type Report = (severity: Problem['severity'], code: string, message: string) => void;

/** What every step check gets. */
interface StepCheck {
  step: ExportStep;
  model: ExportModel;
  options: ExportOptions;
  caps: Capabilities;
  /** `node <id> (<type>)`, the start of most messages. */
  what: string;
  add: Report;
}

function lintStep(step: ExportStep, model: ExportModel, options: ExportOptions, caps: Capabilities): Problem[] {
  const out: Problem[] = [];
  const check: StepCheck = {
    step,
    model,
    options,
    caps,
    what: `node ${step.id} (${step.definition.id})`,
    add: (severity, code, message) => out.push({ severity, code, message, nodeId: step.id }),
  };
  for (const run of [lintNodeType, lintSettings, lintLocalFiles, lintScript, lintTargetRules]) run(check);
  return out;
}

function lintNodeType({ step, options, caps, what, add }: StepCheck): void {
  const unsupported = step.definition.unsupportedTargets?.[options.target];
  if (unsupported) add('error', 'target-unsupported', `${what} can't be exported to ${caps.title}: ${unsupported}`);
  if (step.definition.sideEffects) {
    add('warning', 'side-effects', `${what} acts on the world (it registers, serves or deploys something); in ${caps.title} it runs inside a short-lived job with no access to this computer, so check it does what you expect there`);
  }
}

function lintSettings({ step, caps, what, add }: StepCheck): void {
  const { settings } = step;
  const resources = settings.resources ?? {};
  if ((resources.gpu ?? 0) > 0 && !caps.gpu) {
    add('warning', 'gpu-unsupported', `${what} requests ${resources.gpu} GPU, but ${caps.title} jobs here run on CPU runners: the request is not exported (use a GPU runner label or a Kubernetes target)`);
  }
  if ((resources.cpu || resources.memory) && !caps.resources) {
    add('warning', 'resources-unsupported', `${what} requests ${[resources.cpu && `cpu ${resources.cpu}`, resources.memory && `memory ${resources.memory}`].filter(Boolean).join(' and ')}, which ${caps.title} can't set per job: the job gets the runner's size`);
  }
  const retries = settings.retries ?? 0;
  if (retries > caps.maxRetries) {
    add('warning', 'retries-limited', caps.maxRetries === 0
      ? `${what} retries ${retries} times locally, but ${caps.title} can't retry a job automatically: it runs once`
      : `${what} retries ${retries} times locally, but ${caps.title} allows at most ${caps.maxRetries}: exported as ${caps.maxRetries}`);
  }
  if (settings.timeoutSeconds === undefined) return;
  if (caps.timeout === 'none') add('warning', 'timeout-unsupported', `${what} has a ${settings.timeoutSeconds} s timeout, which ${caps.title} can't set per task: it is not exported`);
  else if (caps.timeout === 'minutes' && settings.timeoutSeconds % 60 !== 0) {
    add('info', 'timeout-rounded', `${what}: ${caps.title} counts timeouts in minutes, so ${settings.timeoutSeconds} s becomes ${Math.ceil(settings.timeoutSeconds / 60)} min`);
  }
}

/** Params the inspector edits as files (`ui.kind: 'file'`) holding a local path: a pod can't see the laptop's disk. */
function lintLocalFiles({ step, caps, what, add }: StepCheck): void {
  if (caps.repositoryFiles) return;
  const params = JSON.parse(step.paramsJson) as Record<string, unknown>;
  for (const [name, field] of Object.entries(step.definition.params.shape)) {
    const hint = (field as { meta?: () => { ui?: { kind?: string } } | undefined }).meta?.()?.ui?.kind;
    const value = params[name];
    if (hint === 'file' && typeof value === 'string' && value !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      add('warning', 'local-file', `${what} reads the local file "${value}" (param ${name}), which a ${caps.title} pod can't see: bake it into the image, mount it, or use a URL`);
    }
  }
}

function lintScript({ step, model, options, what, add }: StepCheck): void {
  if (!step.script) return;
  for (const part of step.script.command) {
    if (part.kind === 'unknown') add('error', 'unknown-placeholder', `${what}: the command uses ${part.text}, which names no input, output, pipeline parameter or param of the node`);
    if (part.kind === 'input' && !step.inputs.some((i) => i.port === part.port)) {
      add('error', 'unconnected-input', `${what}: the command reads {{inputs.${part.port}}}, but nothing is connected to that input`);
    }
    if (part.kind === 'output' && !step.outputs.some((o) => o.port === part.port)) {
      add('error', 'unknown-placeholder', `${what}: the command writes {{outputs.${part.port}}}, but the node has no such output`);
    }
  }
  const quoted = refsInSingleQuotes(rawCommand(step), (n) => model.parameters.some((p) => p.name === n));
  if (quoted.length > 0) {
    add('warning', 'reference-in-single-quotes', `${what}: ${quoted.join(', ')} sits inside single quotes; exports pass it as a shell variable, which single quotes don't expand — use double quotes`);
  }
  if (options.target === 'argo' && step.script.command.some((p) => p.kind === 'text' && p.text.includes('{{'))) {
    add('warning', 'argo-template-syntax', `${what}: the command contains "{{", which Argo reads as its own template syntax`);
  }
  if (/\{\{|\$\{/.test(step.image)) add('error', 'image-not-literal', `${what}: the image "${step.image}" must be a literal image reference in exports`);
}

/** Names, syntax and limits one target imposes. */
function lintTargetRules({ step, options, what, add }: StepCheck): void {
  if (options.target === 'argo' && step.paramsJson.includes('{{')) {
    add('warning', 'argo-template-syntax', `${what}: a param contains "{{", which Argo reads as its own template syntax`);
  }
  if (options.target === 'gitlab' && step.needs.length > GITLAB_MAX_NEEDS) {
    add('error', 'too-many-needs', `${what} depends on ${step.needs.length} nodes, but a GitLab job can need at most ${GITLAB_MAX_NEEDS}: add an intermediate node`);
  }
  if (options.target === 'gitlab' && GITLAB_RESERVED.includes(step.id)) {
    add('error', 'reserved-job-name', `node id "${step.id}" is a .gitlab-ci.yml keyword, so it can't name a job: rename the node`);
  }
  if (options.target !== 'github') return;
  if (/(^|[/:])alpine([:@]|$)|-alpine/.test(step.image)) {
    add('warning', 'alpine-container', `${what} runs in ${step.image}: GitHub's JavaScript actions (checkout, upload/download-artifact) can't run in Alpine containers — use a glibc image such as debian:12-slim`);
  }
  for (const name of step.secrets) {
    if (/^GITHUB_/i.test(name)) add('error', 'secret-name', `${what} uses the secret ${name}, but GitHub reserves names starting with GITHUB_: rename it`);
  }
}

function lintPipeline(model: ExportModel, options: ExportOptions, caps: Capabilities): Problem[] {
  const out: Problem[] = [];
  const add = (severity: Problem['severity'], code: string, message: string) => out.push({ severity, code, message });
  if (options.target === 'github' && model.steps.length > GITHUB_MAX_JOBS) {
    add('error', 'too-many-jobs', `GitHub Actions allows ${GITHUB_MAX_JOBS} jobs per workflow; this pipeline has ${model.steps.length} nodes`);
  }
  const cached = model.steps.filter((s) => s.settings.cache !== false);
  if (!caps.stepCache && cached.length > 0) {
    add('info', 'no-step-cache', `${caps.title} has no per-step result cache like the local runner's: every job runs on every pipeline run`);
  }
  if (model.steps.some((s) => s.inputs.length > 0)) add('info', 'artifact-limits', `${caps.title}: ${caps.artifactNote}`);
  if (options.schedule) {
    if (caps.schedule === 'outside') {
      const where = { gitlab: 'GitLab: Build → Pipeline schedules', kubeflow: 'a Kubeflow recurring run', tekton: 'a Tekton Triggers CronJob' } as Record<string, string>;
      add('info', 'schedule-outside', `${caps.title} files can't hold a schedule: create "${options.schedule}" in ${where[options.target]}`);
    }
    if (caps.schedule === 'argo' && options.argoKind !== 'CronWorkflow') {
      add('warning', 'schedule-ignored', `the schedule "${options.schedule}" is only written for the Argo kind CronWorkflow (chosen: ${options.argoKind})`);
    }
    const noDefault = model.parameters.filter((p) => p.default === undefined).map((p) => p.name);
    if (noDefault.length > 0) add('warning', 'schedule-without-default', `scheduled runs have no one to fill in ${noDefault.join(', ')}: give these parameters defaults`);
  } else if (options.target === 'argo' && options.argoKind === 'CronWorkflow') {
    add('error', 'schedule-missing', 'a CronWorkflow needs a schedule: set the schedule option (e.g. "0 3 * * *")');
  }
  if (model.steps.some((s) => !s.script) && !options.runnerImage.includes('/')) {
    add('info', 'runner-image', `built-in nodes run in "${options.runnerImage}": build it from resources/runner/Dockerfile, push it to a registry ${caps.title} can pull from, and export with that image name (--image)`);
  }
  if (model.secrets.length > 0) {
    const store = options.target === 'github' ? 'the repository\'s Actions secrets' : options.target === 'gitlab' ? 'the project\'s CI/CD variables (masked)' : `the Kubernetes Secret "${options.secretName}" (one key per secret)`;
    add('info', 'secrets-needed', `define ${model.secrets.join(', ')} in ${store} before running`);
  }
  return out;
}

/** The command as the user wrote it (text and placeholders), for quoting checks. */
function rawCommand(step: ExportStep): string {
  return (step.script?.command ?? [])
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'param' ? `{{params.${p.name}}}` : p.kind === 'secret' ? `{{secrets.${p.name}}}` : '_'))
    .join('');
}
