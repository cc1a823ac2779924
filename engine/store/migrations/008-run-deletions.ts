// Migration 8: runs deleted (run.delete), so other processes on the same data home (an open app) learn of it, and so
// the highest rowid a run ever had stays known — a new run never takes a deleted run's rowid, by which those processes
// find new runs. Cache entries get an index by run: deleting a run drops the entries it made, which was a scan of
// every entry per run (1.5 s for 1,000 runs among 40,000 entries; 3 ms with the index).
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
    CREATE INDEX cache_entries_by_run ON cache_entries (run_id);
  `,
};
