// Content hashes (sha-256) of files and folders: cache keys, the content-addressed store and artifact identity.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The identity of an artifact: its content hash, whether it is a file or a folder, and its size in bytes. */
export interface ContentInfo {
  hash: string;
  kind: 'file' | 'directory';
  size: number;
}

/** Hex sha-256 of a string (params, key parts). */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always hash equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Streams a file through sha-256. */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (bytes) => hash.update(bytes))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every regular file under `dir`, as sorted paths relative to it (with `/` separators). */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** Hash of a file, or of a folder as the sorted list of its files' relative paths, sizes and hashes. */
export async function hashContent(path: string, stats: Stats = statSync(path)): Promise<ContentInfo> {
  if (!stats.isDirectory()) return { hash: await hashFile(path), kind: 'file', size: stats.size };
  const tree = createHash('sha256');
  let size = 0;
  for (const file of listFiles(path)) {
    const full = join(path, file);
    const fileSize = statSync(full).size;
    size += fileSize;
    tree.update(`${file}\0${fileSize}\0${await hashFile(full)}\n`);
  }
  return { hash: tree.digest('hex'), kind: 'directory', size };
}
