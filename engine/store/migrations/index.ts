// The numbered, forward-only schema migrations of pipewright.db, in order. Never edit a shipped one: add the next.
import pipelines from './001-pipelines';
import runs from './002-runs';
import models from './003-models';
import tracking from './004-tracking';
import logFiles from './005-log-files';
import cancelRequests from './006-cancel-requests';
import linesInProgress from './007-lines-in-progress';
import runDeletions from './008-run-deletions';
import cacheKeyDetail from './009-cache-key-detail';
import cacheSeries from './010-cache-series';
import cacheDuration from './011-cache-duration';

/** One migration: applied once, inside a transaction, recorded in `schema_migrations`. */
export interface StoreMigration {
  id: number;
  name: string;
  sql: string;
}

export const storeMigrations: readonly StoreMigration[] = [pipelines, runs, models, tracking, logFiles, cancelRequests, linesInProgress, runDeletions, cacheKeyDetail, cacheSeries, cacheDuration];
