// Migration 1: pipelines and their revisions (every save keeps one).
export default {
  id: 1,
  name: 'pipelines',
  sql: `
    CREATE TABLE pipelines (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      revision    INTEGER NOT NULL,
      node_count  INTEGER NOT NULL,
      source_dir  TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX pipelines_name ON pipelines (name COLLATE NOCASE);
    CREATE TABLE pipeline_revisions (
      pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
      revision    INTEGER NOT NULL,
      document    TEXT NOT NULL,
      reason      TEXT NOT NULL,
      node_count  INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      PRIMARY KEY (pipeline_id, revision)
    ) WITHOUT ROWID;
  `,
};
