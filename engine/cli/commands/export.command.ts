// `pipewright export <file|name> --target …`: writes the export where each target expects it, prints the capability
// lint, checks a folder for drift (--check) or runs the GitLab export for real (--rehearse).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultRunnerImage, exportOptionsSchema, type ExportOptions } from '../../../shared/export/export-options';
import type { ExportFile } from '../../../shared/export/exporter';
import { exportPipeline } from '../../../shared/export/export-pipeline';
import { EXPORT_TARGETS, type ExportTarget } from '../../../shared/nodes/node-type';
import { formatProblem, hasErrors } from '../../../shared/validation/problem';
import { checkExportFolder, ExportWriteError, runnerDockerfile, writeExportFiles } from '../../export/export-to-folder';
import { RehearsalError, rehearseGitlab } from '../../export/rehearse-gitlab';
import { APP_VERSION } from '../../version';
import { CliError, EXIT_PIPELINE_FAILED } from '../cli-error';
import type { CliContext } from '../cli-context';
import { loadPipeline, type LoadedPipeline } from '../pipeline-source';

interface ExportFlags {
  target: string;
  out: string;
  image?: string;
  schedule?: string;
  argoKind?: string;
  namespace?: string;
  secretName?: string;
  workspaceSize?: string;
  baseDir?: string;
  dockerfile?: boolean;
  check?: string;
  rehearse?: boolean;
}

function targetsOf(flag: string): ExportTarget[] {
  if (flag === 'all') return [...EXPORT_TARGETS];
  if ((EXPORT_TARGETS as readonly string[]).includes(flag)) return [flag as ExportTarget];
  throw new CliError(`--target must be one of ${EXPORT_TARGETS.join(', ')} or all; got "${flag}"`);
}

function optionsFor(target: ExportTarget, flags: ExportFlags): ExportOptions {
  const parsed = exportOptionsSchema.safeParse({
    target,
    runnerImage: flags.image ?? defaultRunnerImage(APP_VERSION),
    ...(flags.schedule ? { schedule: flags.schedule } : {}),
    ...(flags.argoKind ? { argoKind: flags.argoKind } : {}),
    ...(flags.namespace ? { namespace: flags.namespace } : {}),
    ...(flags.secretName ? { secretName: flags.secretName } : {}),
    ...(flags.workspaceSize ? { workspaceSize: flags.workspaceSize } : {}),
    ...(flags.baseDir ? { baseDir: flags.baseDir } : {}),
  });
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n'));
  return parsed.data;
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export a pipeline to GitHub Actions, GitLab CI, Argo Workflows, Kubeflow Pipelines or Tekton')
    .argument('<file|name>', 'pipeline file, or the name or id of a stored pipeline')
    .requiredOption('--target <target>', `${EXPORT_TARGETS.join(' | ')} | all`)
    .option('--out <dir>', 'folder to write into (files go where each tool expects them)', '.')
    .option('--image <name:tag>', `runner image for built-in nodes (default ${defaultRunnerImage(APP_VERSION)})`)
    .option('--schedule <cron>', 'cron schedule for continuous training, e.g. "0 3 * * 1"')
    .option('--argo-kind <kind>', 'Workflow | WorkflowTemplate | CronWorkflow')
    .option('--namespace <ns>', 'Kubernetes namespace (Argo, Tekton)')
    .option('--secret-name <name>', 'Kubernetes Secret holding the pipeline\'s secrets (default pipewright-secrets)')
    .option('--workspace-size <size>', 'Tekton workspace size (default 1Gi)')
    .option('--base-dir <dir>', 'folder of the pipeline file inside the repository (GitHub, GitLab; default .)')
    .option('--dockerfile', `also write the runner image's Dockerfile`)
    .option('--check <dir>', 'do not write: report whether the exports in <dir> are up to date, stale, hand-edited or missing')
    .option('--rehearse', 'run the GitLab export for real with gitlab-ci-local and compare its metrics with the local run')
    .action(async (ref: string, flags: ExportFlags) => {
      const targets = targetsOf(flags.target);
      const loaded = loadPipeline(ref, ctx.engine);
      if (flags.check) return check(ctx, loaded, targets, flags.check);
      if (flags.rehearse && (targets.length !== 1 || targets[0] !== 'gitlab')) throw new CliError('--rehearse works with --target gitlab');
      let blocked = false;
      for (const target of targets) {
        const result = exportPipeline(loaded.pipeline, optionsFor(target, flags), loaded.stored?.revision);
        for (const p of result.problems) ctx.warn(`${target}: ${formatProblem(p)}`);
        if (hasErrors(result.problems)) {
          blocked = true;
          continue;
        }
        if (flags.rehearse) return rehearse(ctx, loaded, result.files[0]!.content);
        for (const path of writeInto(flags.out, result.files)) ctx.print(`wrote ${path}`);
      }
      if (flags.dockerfile) for (const path of writeInto(flags.out, [runnerDockerfile()])) ctx.print(`wrote ${path}`);
      if (blocked) throw new CliError('export blocked by the errors above: fix them in the pipeline and export again');
    });
}

/** Writes files under --out; a file that cannot be written ends the command saying which and why (exit 2). */
function writeInto(out: string, files: readonly ExportFile[]): string[] {
  try {
    return writeExportFiles(resolve(out), files);
  } catch (error) {
    if (error instanceof ExportWriteError) throw new CliError(error.message);
    throw error;
  }
}

function check(ctx: CliContext, loaded: LoadedPipeline, targets: ExportTarget[], dir: string): void {
  const drift = checkExportFolder(resolve(dir), loaded.pipeline, targets);
  for (const d of drift) ctx.print(`${d.path}: ${d.message}`);
  if (drift.some((d) => d.status !== 'up-to-date')) throw new CliError('', EXIT_PIPELINE_FAILED);
}

async function rehearse(ctx: CliContext, loaded: LoadedPipeline, ciYaml: string): Promise<void> {
  ctx.warn('rehearsing: the pipeline runs locally, then as its GitLab export with gitlab-ci-local; their metrics must match');
  let result;
  try {
    result = await rehearseGitlab({ pipeline: loaded.pipeline, ciYaml, baseDir: loaded.baseDir, onLine: (line) => ctx.warn(`  ${line}`) });
  } catch (error) {
    if (error instanceof RehearsalError) throw new CliError(error.message);
    throw error;
  }
  ctx.print(`local run: ${result.localOk ? 'succeeded' : 'failed'}`);
  for (const [job, status] of Object.entries(result.jobs)) ctx.print(`gitlab job ${job}: ${status}`);
  for (const c of result.comparison) {
    ctx.print(`${c.node}.${c.name}: local ${c.local ?? '—'} · gitlab ${c.ci ?? '—'} ${c.same ? 'same' : 'DIFFERENT'}`);
  }
  if (result.notCompared.length > 0) ctx.print(`not compared (side effects): ${result.notCompared.join(', ')}`);
  if (!result.ok) throw new CliError('the rehearsal failed: see above', EXIT_PIPELINE_FAILED);
  ctx.print('rehearsal passed: the GitLab pipeline reproduces the local run');
}
