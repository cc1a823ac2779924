// What File › New/Import/Export and Help › About do: engine calls behind native dialogs, errors shown in a box.
import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow } from 'electron';
import type { Engine } from '../../engine/app';
import type { CurrentPipeline } from './current-pipeline';
import { importPipelineFile } from './import-pipeline-file';
import type { MenuActions } from './menu-template';

const PIPELINE_FILTERS = [
  { name: 'Pipeline files', extensions: ['json', 'yaml', 'yml'] },
  { name: 'All files', extensions: ['*'] },
];

export function createMenuActions(engine: Engine, current: CurrentPipeline, window: () => BrowserWindow | null): MenuActions {
  /** Runs an action for the open window; a failure is shown in an error box instead of being lost. */
  const run = (title: string, action: (owner: BrowserWindow) => Promise<void>) => () => {
    const owner = window();
    if (!owner) return;
    action(owner).catch((error: unknown) => dialog.showErrorBox(title, error instanceof Error ? error.message : String(error)));
  };

  return {
    // The new pipeline appears in the sidebar through the `pipeline.changed` event, as if the UI had created it.
    newPipeline: run('Could not create a pipeline', async () => {
      const result = await engine.dispatch('pipeline.create', { name: engine.ctx.pipelines.uniqueName('Untitled pipeline') });
      if (!result.ok) throw new Error(result.error.message);
    }),
    importPipeline: run('Could not import the pipeline', async (owner) => {
      const choice = await dialog.showOpenDialog(owner, { title: 'Import pipeline', properties: ['openFile'], filters: PIPELINE_FILTERS });
      const [path] = choice.filePaths;
      if (!choice.canceled && path) await importPipelineFile(engine, path);
    }),
    exportPipeline: run('Could not export the pipeline', async (owner) => {
      const id = current.get();
      if (!id) {
        await dialog.showMessageBox(owner, { type: 'info', message: 'Open a pipeline first, then choose File › Export… again.' });
        return;
      }
      const result = await engine.dispatch('pipeline.exportFile', { id });
      if (!result.ok) throw new Error(result.error.message);
      const { fileName, text } = result.value as { fileName: string; text: string };
      const choice = await dialog.showSaveDialog(owner, { title: 'Export pipeline', defaultPath: fileName, filters: PIPELINE_FILTERS });
      if (!choice.canceled && choice.filePath) await writeFile(choice.filePath, text, 'utf8');
    }),
    showAbout: run('Could not show the About box', async (owner) => {
      await dialog.showMessageBox(owner, {
        type: 'info',
        title: 'About Pipewright',
        message: `Pipewright ${app.getVersion()}`,
        detail: [
          `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
          `Data folder: ${engine.ctx.home.root}`,
        ].join('\n'),
      });
    }),
  };
}
