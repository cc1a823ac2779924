// Deletes finished runs and what they alone hold on disk: their rows, their folder under PIPEWRIGHT_HOME/artifacts
// (outputs, logs, metrics), the cache entries they made, and the cached objects no remaining entry uses.
import { join } from 'node:path';
import type { RunsDeleted } from '../../shared/runs/run-record';
import type { CacheRepo } from '../store/cache.repo';
import { writeTransaction, type Db } from '../store/database';
import type { RunsRepo } from '../store/runs.repo';
import type { ArtifactStore } from './artifact-store';
import { removeTree } from './remove-tree';

export interface RunDeletionStores {
  db: Db;
  runs: RunsRepo;
  cache: CacheRepo;
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
  writeTransaction(stores.db, () => {
    stores.runs.delete(ids);
    cacheEntries = stores.cache.removeByRuns(ids);
  });
  let freedBytes = 0;
  for (const id of ids) freedBytes += removeTree(join(stores.artifactsRoot, id));
  freedBytes += stores.objects.prune(stores.cache.usedObjects());
  return { deleted: ids, cacheEntries, freedBytes };
}
