// Migration 8: runs deleted (run.delete), so other processes on the same data home (an open app) learn of it, and so
// the highest rowid a run ever had stays known — a new run never takes a deleted run's rowid, by which those processes
// find new runs.
export default {
  id: 8,
  name: 'run-deletions',
  sql: `
    CREATE TABLE run_deletions (
      seq         INTEGER PRIMARY KEY,
      run_id      TEXT NOT NULL,
      run_rowid   INTEGER NOT NULL,
      deleted_by  INTEGER NOT NULL,
      deleted_at  TEXT NOT NULL
    );
    CREATE INDEX run_deletions_by_rowid ON run_deletions (run_rowid);
  `,
};
