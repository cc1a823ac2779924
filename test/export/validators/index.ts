// One entry point over the five target validators, so tests check any export the same way.
import type { ExportFile } from '../../../shared/export/exporter';
import type { ExportTarget } from '../../../shared/nodes/node-type';
import { validateArgo } from './argo.validator';
import { validateGithubWorkflow } from './github.validator';
import { validateGitlabCi } from './gitlab.validator';
import { validateKubeflow } from './kubeflow.validator';
import { validateTekton } from './tekton.validator';

/** Every problem the target's own schema/parser finds in `text` (the exported file's content). */
export async function validateExportText(target: ExportTarget, text: string): Promise<string[]> {
  switch (target) {
    case 'github':
      return validateGithubWorkflow(text);
    case 'gitlab':
      return validateGitlabCi(text);
    case 'argo':
      return validateArgo(text);
    case 'kubeflow':
      return validateKubeflow(text);
    case 'tekton':
      return validateTekton(text);
  }
}

/** Problems of every file of an export, prefixed with the file's path. */
export async function validateExport(target: ExportTarget, files: readonly ExportFile[]): Promise<string[]> {
  const all = await Promise.all(files.map(async (f) => (await validateExportText(target, f.content)).map((p) => `${f.path}: ${p}`)));
  return all.flat();
}
