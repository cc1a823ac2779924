// Content hashes (sha-256) of files and folders: cache keys, the content-addressed store and artifact identity.
import { createHash, hash } from 'node:crypto';
import { createReadStream, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The identity of an artifact: its content hash, whether it is a file or a folder, and its size in bytes. */
export interface ContentInfo {
  hash: string;
  kind: 'file' | 'directory';
  size: number;
}

/** Hex sha-256 of a string (params, key parts); the one-shot `hash` is ~3 × faster than a Hash object for short text. */
export function hashText(text: string): string {
  return hash('sha256', text);
}

/**
 * JSON with object keys sorted at every level, so equal values always hash equal. Written out by hand: it is part of
 * every cache key, and JSON.stringify with a sorting replacer was several times slower. The text is exactly what that
 * replacer gave (existing cache keys stay valid): keys in an object's own order after sorting — array-index keys
 * ("0", "10") first in numeric order, the rest sorted — and undefined, functions and symbols left out as JSON does.
 */
export function stableJson(value: object): string {
  return stableJsonOf(value) ?? 'null';
}

function stableJsonOf(value: unknown): string | undefined {
  const data = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (data === null || typeof data !== 'object') return JSON.stringify(data);
  if (Array.isArray(data)) return `[${data.map((item) => stableJsonOf(item) ?? 'null').join(',')}]`;
  const record = data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of sortedKeys(record)) {
    const text = stableJsonOf(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** An object's keys as an object built from them in sorted order enumerates them (array indices come first). */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  const indices = keys.filter(isArrayIndex);
  if (indices.length === 0) return keys;
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/** How a long hashing is followed: told each chunk's bytes (progress), and stopped by `signal` (a cancel). */
export interface HashWatch {
  onBytes?: (count: number) => void;
  signal?: AbortSignal;
}

/** Streams a file through sha-256; an aborted `signal` rejects with the signal's reason. */
export function hashFile(path: string, watch: HashWatch = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const sha = createHash('sha256');
    const stream = createReadStream(path);
    stream
      .on('data', (bytes) => {
        if (watch.signal?.aborted) return stream.destroy(watch.signal.reason as Error);
        sha.update(bytes);
        watch.onBytes?.(bytes.length);
      })
      .on('error', reject)
      .on('end', () => resolve(sha.digest('hex')));
  });
}

/**
 * Every file under `dir`, as sorted paths relative to it (with `/` separators). Symbolic links are followed — a node
 * may link a large file or folder into its output instead of copying it — except links that lead back into a folder
 * being walked (a cycle) and links to nothing, which are left out.
 */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walking = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (walking.has(real)) return;
    walking.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const stats = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
      if (stats?.isDirectory()) walk(path);
      else if (stats?.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
    walking.delete(real);
  };
  walk(dir);
  return files.sort();
}

/** Hash of a file, or of a folder as the sorted list of its files' relative paths, sizes and hashes. */
export async function hashContent(path: string, watch: HashWatch = {}): Promise<ContentInfo> {
  const stats = statSync(path);
  if (!stats.isDirectory()) return { hash: await hashFile(path, watch), kind: 'file', size: stats.size };
  const tree = createHash('sha256');
  let size = 0;
  for (const file of listFiles(path)) {
    watch.signal?.throwIfAborted();
    const full = join(path, file);
    const fileSize = statSync(full).size;
    size += fileSize;
    tree.update(`${file}\0${fileSize}\0${await hashFile(full, watch)}\n`);
  }
  return { hash: tree.digest('hex'), kind: 'directory', size };
}
