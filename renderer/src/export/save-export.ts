// Saving an export: the desktop shell routes it to a native folder dialog (it sets `desktopFolderPicker.choose`) and
// the engine writes the files there; in web mode the browser downloads each file.
import type { ExportFile } from '../../../shared/export/exporter';

/** Set by the Electron integration: opens a native "choose folder" dialog and resolves to the folder, or null. */
export const desktopFolderPicker: { choose?: () => Promise<string | null> } = {};

/** What saving did, in a sentence for a toast. */
export type SaveOutcome = { kind: 'written'; paths: string[] } | { kind: 'downloaded'; names: string[] } | { kind: 'canceled' };

/** Download name of an exported file: its last path segment, without a leading dot browsers would drop. */
export function downloadName(path: string): string {
  return path.split('/').pop()!.replace(/^\.+/, '');
}

export async function saveExport(
  files: readonly ExportFile[],
  writeToFolder: (dir: string) => Promise<string[]>,
): Promise<SaveOutcome> {
  if (desktopFolderPicker.choose) {
    const dir = await desktopFolderPicker.choose();
    return dir ? { kind: 'written', paths: await writeToFolder(dir) } : { kind: 'canceled' };
  }
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([file.content], { type: 'text/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(file.path);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return { kind: 'downloaded', names: files.map((f) => downloadName(f.path)) };
}
