// Saving an export: on the desktop a native folder dialog picks where the engine writes the files; in web mode the
// browser downloads each file.
import type { ExportFile } from '../../../shared/export/exporter';
import { downloadText } from '../host/save-file';

/** What saving did, in a sentence for a toast. */
export type SaveOutcome = { kind: 'written'; paths: string[] } | { kind: 'downloaded'; names: string[] } | { kind: 'canceled' };

/** Download name of an exported file: its last path segment, without a leading dot browsers would drop. */
export function downloadName(path: string): string {
  return path.split('/').pop()!.replace(/^\.+/, '');
}

/**
 * `chooseFolder` is the host's native folder dialog (desktop), absent in the web mode; `writeToFolder` has the
 * engine write the files into the chosen folder.
 */
export async function saveExport(
  files: readonly ExportFile[],
  writeToFolder: (dir: string) => Promise<string[]>,
  chooseFolder?: () => Promise<string | null>,
): Promise<SaveOutcome> {
  if (chooseFolder) {
    const dir = await chooseFolder();
    return dir ? { kind: 'written', paths: await writeToFolder(dir) } : { kind: 'canceled' };
  }
  for (const file of files) downloadText(downloadName(file.path), file.content, 'text/yaml');
  return { kind: 'downloaded', names: files.map((f) => downloadName(f.path)) };
}
