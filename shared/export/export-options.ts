// What the user chooses when exporting (target, runner image, schedule, Kubernetes details), as a zod schema so the
// CLI, the API and the dialog validate the same way.
import { z } from 'zod';
import { EXPORT_TARGETS } from '../nodes/node-type';

/** The runner image built from resources/runner/Dockerfile, tagged with this build's version. */
export function defaultRunnerImage(version: string): string {
  return `pipewright-runner:${version}`;
}

const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, 'a cron schedule has five fields, e.g. "0 3 * * 1" (03:00 every Monday)');

export const exportOptionsSchema = z
  .object({
    target: z.enum(EXPORT_TARGETS).describe('Where the pipeline will run.'),
    runnerImage: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._\-/:@]*$/, 'an image reference such as "ghcr.io/acme/pipewright-runner:0.1.0"')
      .describe('Image (name:tag) that runs built-in nodes: build it from resources/runner/Dockerfile.'),
    schedule: cron.optional().describe('Cron schedule for continuous training (UTC).'),
    argoKind: z.enum(['Workflow', 'WorkflowTemplate', 'CronWorkflow']).default('Workflow').describe('Argo resource to write.'),
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a Kubernetes namespace name')
      .optional()
      .describe('Kubernetes namespace (Argo, Tekton).'),
    secretName: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes Secret name')
      .default('pipewright-secrets')
      .describe('Kubernetes Secret holding one key per {{secrets.NAME}} (Argo, Kubeflow, Tekton).'),
    workspaceSize: z
      .string()
      .regex(/^\d+(Ki|Mi|Gi|Ti)$/, 'a storage size such as "1Gi"')
      .default('1Gi')
      .describe('Size of the shared artifact workspace (Tekton).'),
    baseDir: z
      .string()
      .default('.')
      .describe("Folder of the pipeline file inside the repository: relative file params resolve against it (GitHub, GitLab)."),
  })
  .strict();

export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;
