// Native file dialogs lent to the engine's host.* commands, always owned by the app window (never free-floating).
import { dialog, type BrowserWindow } from 'electron';
import type { HostDialogs } from '../../engine/api/host-dialogs';

/** Dialogs for the current window; with no window open there is nobody to ask, so they answer "cancelled". */
export function createHostDialogs(window: () => BrowserWindow | null): HostDialogs {
  return {
    async pickFile({ extensions, title }) {
      const owner = window();
      if (!owner) return null;
      const filters = extensions.length > 0 ? [{ name: extensions.join(', '), extensions }, { name: 'All files', extensions: ['*'] }] : [];
      const choice = await dialog.showOpenDialog(owner, { title: title ?? 'Choose a file', properties: ['openFile'], filters });
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    async pickFolder({ title }) {
      const owner = window();
      if (!owner) return null;
      const choice = await dialog.showOpenDialog(owner, { title: title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] });
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    async chooseSavePath({ fileName }) {
      const owner = window();
      if (!owner) return null;
      const choice = await dialog.showSaveDialog(owner, { title: 'Save', defaultPath: fileName, properties: ['showOverwriteConfirmation'] });
      return choice.canceled ? null : (choice.filePath ?? null);
    },
  };
}
