// The cancel requests stored on runs and sweeps (migration 6): which of a process's own were asked to cancel.
import type { Db } from './database';

/** Which of `ids` (rows of `table`) were asked to cancel. */
export function cancelRequestedAmong(db: Db, table: 'runs' | 'sweeps', ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  return db.prepare(`SELECT id FROM ${table} WHERE cancel_requested_at IS NOT NULL AND id IN (${marks})`).pluck().all(...ids) as string[];
}
