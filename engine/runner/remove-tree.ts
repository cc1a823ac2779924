// Deletes a file or folder and says how many bytes of disk that gave back: a file counts only where this was its last
// link (run outputs and cached objects share their data through hard links).
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Removes `path` (nothing when it does not exist); returns the bytes of the files whose last link it was. */
export function removeTree(path: string): number {
  const freed = lastLinkBytes(path);
  rmSync(path, { recursive: true, force: true });
  return freed;
}

function lastLinkBytes(path: string): number {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.isFile() && stats.nlink === 1 ? stats.size : 0;
  return readdirSync(path).reduce((sum, name) => sum + lastLinkBytes(join(path, name)), 0);
}

/** Removes the entries of `folder` last modified more than `ageMs` ago; returns the bytes freed. */
export function removeOlderThan(folder: string, ageMs: number): number {
  if (!existsSync(folder)) return 0;
  const before = Date.now() - ageMs;
  let freed = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const modified = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && modified < before) freed += removeTree(path);
  }
  return freed;
}
