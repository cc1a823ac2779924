// Types of synthetic-runs.mjs for the TypeScript tests that use it.
import type { Database } from 'better-sqlite3';

/** Inserts `count` finished runs (deterministic for `seed`) in one transaction; returns their ids, oldest first. */
export function insertSyntheticRuns(db: Database, options: { count: number; seed?: number; startAt?: number }): string[];
