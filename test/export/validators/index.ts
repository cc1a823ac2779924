// One entry point over the five target validators, so tests check any export the same way.
import type { ExportFile } from '../../../shared/export/exporter';
import type { ExportTarget } from '../../../shared/nodes/node-type';
import { validateArgo } from './argo.validator';
import { validateGithubWorkflow } from './github.validator';
import { validateGitlabCi } from './gitlab.validator';
import { validateKubeflow } from './kubeflow.validator';
import { validateTekton } from './tekton.validator';

/** Every problem the target's own schema/parser finds in `text` (the exported file's content). */
export async function validateExportText(target: ExportTarget, text: string, options: { gitlabPreview?: boolean } = {}): Promise<string[]> {
  switch (target) {
    case 'github':
      return validateGithubWorkflow(text);
    case 'gitlab':
      return validateGitlabCi(text, options.gitlabPreview ?? true);
    case 'argo':
      return validateArgo(text);
    case 'kubeflow':
      return validateKubeflow(text);
    case 'tekton':
      return validateTekton(text);
  }
}

/** Problems of every file of an export, prefixed with the file's path. */
export async function validateExport(target: ExportTarget, files: readonly ExportFile[], options: { gitlabPreview?: boolean } = {}): Promise<string[]> {
  const all = await Promise.all(files.map(async (f) => (await validateExportText(target, f.content, options)).map((p) => `${f.path}: ${p}`)));
  return all.flat();
}
