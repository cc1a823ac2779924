// The content-addressed store under PIPEWRIGHT_HOME/cache/objects: outputs go in once per hash and come back out
// as hard links (copies where links are impossible), so a cached node costs no copying.
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { hashContent, listFiles, type ContentInfo, type HashWatch } from './content-hash';
import { removeOlderThan, removeTree } from './remove-tree';

/** Hard-links `from` to `to`, copying when the file system refuses links (another device, FAT, …). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Recreates the file or folder `from` at `to` (folders file by file), linking where possible. What `from` reaches
 * through a symbolic link (a dataset a node linked into its output) is copied instead: a hard link would share the
 * user's own file with the store, which makes its objects read-only and must never change them.
 */
function cloneContent(from: string, to: string, kind: ContentInfo['kind']): void {
  mkdirSync(dirname(to), { recursive: true });
  if (kind === 'file') return lstatSync(from).isSymbolicLink() ? copyFileSync(from, to) : linkOrCopy(from, to);
  const root = realpathSync(from);
  for (const file of listFiles(from)) {
    const source = join(from, file);
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    if (realpathSync(source) === join(root, file)) linkOrCopy(source, target);
    else copyFileSync(source, target);
  }
  mkdirSync(to, { recursive: true });
}

export class ArtifactStore {
  constructor(private readonly root: string) {}

  /** Where the object with `hash` lives. */
  objectPath(hash: string): string {
    return join(this.root, 'objects', hash.slice(0, 2), hash);
  }

  has(hash: string): boolean {
    return existsSync(this.objectPath(hash));
  }

  /** Hashes the artifact at `path` and adds it to the store (a no-op when the same content is already there). */
  async put(path: string, watch: HashWatch = {}): Promise<ContentInfo> {
    const info = await hashContent(path, watch);
    const target = this.objectPath(info.hash);
    if (existsSync(target)) return info;
    // Build next to the target, then rename: a crash never leaves a half-written object under its hash.
    const temp = join(this.root, 'tmp', randomUUID());
    try {
      cloneContent(path, temp, info.kind);
      // Objects are immutable: read-only files guard the cache against a node that edits its inputs in place.
      if (info.kind === 'file') chmodSync(temp, 0o444);
      else for (const file of listFiles(temp)) chmodSync(join(temp, file), 0o444);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      if (!existsSync(target)) throw error;
    }
    return info;
  }

  /**
   * Deletes every object outside `used` (the hashes cache entries still name); returns the bytes that gave back. An
   * object put by a running node just before its entry is stored may go too: that entry then misses, and the node runs.
   */
  prune(used: ReadonlySet<string>): number {
    const objects = join(this.root, 'objects');
    let freed = 0;
    for (const prefix of existsSync(objects) ? readdirSync(objects) : []) {
      // The prefix folders stay (at most 256): another process may be about to rename an object into one.
      const folder = join(objects, prefix);
      for (const hash of readdirSync(folder)) if (!used.has(hash)) freed += removeTree(join(folder, hash));
    }
    return freed;
  }

  /**
   * Deletes what `put` was building when its process died (under `tmp/`, renamed into place otherwise), if older than
   * `ageMs` — younger entries may be another process's work in progress. Returns the bytes that gave back.
   */
  removeStaleBuilds(ageMs: number): number {
    return removeOlderThan(join(this.root, 'tmp'), ageMs);
  }

  /** Materialises the object `hash` at `path` (a node's output in a run folder). */
  restore(hash: string, kind: ContentInfo['kind'], path: string): void {
    const source = this.objectPath(hash);
    if (!existsSync(source) || (kind === 'directory') !== statSync(source).isDirectory()) {
      throw new Error(`cache object ${hash} is missing or damaged`);
    }
    rmSync(path, { recursive: true, force: true });
    cloneContent(source, path, kind);
  }
}
