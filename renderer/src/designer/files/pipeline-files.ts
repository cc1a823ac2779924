// Pipeline files in and out: import chosen or dropped .json/.yaml files, export the open pipeline's canonical file.
import type { ApiClient } from '../../../../shared/api/channel';
import { failureText } from '../../store/pipelines.slice';
import type { AppState } from '../../store/app-store';

/** File names the importer accepts. */
export const PIPELINE_FILE_PATTERN = /\.(json|ya?ml)$/i;
export const PIPELINE_FILE_ACCEPT = '.json,.yaml,.yml,application/json,application/yaml';

/** Imports each file (JSON or YAML) as a new pipeline; the last one imported is opened. */
export async function importFiles(state: () => AppState, files: readonly File[]): Promise<void> {
  const accepted = files.filter((f) => PIPELINE_FILE_PATTERN.test(f.name));
  for (const file of files.filter((f) => !accepted.includes(f))) {
    state().showToast('error', `${file.name} is not a pipeline file: import .json, .yaml or .yml files`);
  }
  for (const file of accepted) await state().importPipelineFile(await file.text(), file.name);
}

/** Saves the open pipeline (pending edits first) as `<name>.pipeline.json`. */
export async function exportOpenPipeline(state: () => AppState, api: ApiClient): Promise<void> {
  const id = state().openId;
  if (!id) return;
  await state().flushSave();
  try {
    const { fileName, text } = await api.invoke('pipeline.exportFile', { id });
    const saved = await state().saveText(fileName, text);
    if (saved) state().showToast('info', saved);
  } catch (error) {
    state().showToast('error', `Export failed: ${failureText(error)}`);
  }
}
