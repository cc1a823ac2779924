// Deletes finished runs and what they alone hold on disk: their rows (the database's freed pages given back), their
// folder under PIPEWRIGHT_HOME/artifacts (outputs, logs, metrics), the cache entries they made, the cached objects no
// remaining entry uses, and what crashes left behind (folders of runs deleted earlier, half-built cache objects); and
// finished sweeps left empty.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunsDeleted } from '../../shared/runs/run-record';
import type { CacheRepo } from '../store/cache.repo';
import { giveBackFreePages, writeTransaction, type Db } from '../store/database';
import type { RunsRepo } from '../store/runs.repo';
import type { SweepsRepo } from '../store/sweeps.repo';
import type { ArtifactStore } from './artifact-store';
import { removeTree } from './remove-tree';

export interface RunDeletionStores {
  db: Db;
  runs: RunsRepo;
  cache: CacheRepo;
  sweeps: SweepsRepo;
  objects: ArtifactStore;
  artifactsRoot: string;
}

/**
 * Deletes `runIds` — all or none: an unknown or running one refuses the lot, before anything is touched. The rows go
 * in one transaction; the files after it commits, so a crash in between leaves only unreachable files, never a run
 * whose files are gone.
 */
export function deleteRuns(stores: RunDeletionStores, runIds: readonly string[]): RunsDeleted {
  const ids = [...new Set(runIds)];
  let cacheEntries = 0;
  let sweeps: string[] = [];
  writeTransaction(stores.db, () => {
    stores.runs.delete(ids);
    cacheEntries = stores.cache.removeByRuns(ids);
    sweeps = stores.sweeps.removeEmptiedBy(ids);
  });
  // The folders of these runs, and of runs deleted earlier whose files a crash kept (between the commit and here).
  // Folders of runs the database never knew are not touched: they may be a database the user moved aside.
  let freedBytes = 0;
  const deleted = stores.runs.deletedIds();
  for (const name of readdirSync(stores.artifactsRoot)) if (deleted.has(name)) freedBytes += removeTree(join(stores.artifactsRoot, name));
  freedBytes += stores.objects.prune(stores.cache.usedObjects());
  freedBytes += stores.objects.removeStaleBuilds(STALE_BUILD_MS);
  freedBytes += giveBackFreePages(stores.db);
  return { deleted: ids, cacheEntries, freedBytes, sweeps };
}

/** A cache object still being built after this long belongs to a process that died (builds take seconds). */
const STALE_BUILD_MS = 60 * 60 * 1000;
