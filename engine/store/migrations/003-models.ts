// Migration 3: the model registry (models, versions with lineage, aliases) and local deployments (prediction servers).
// Runs are referenced by id only (no foreign key): the runs table belongs to another migration and runs may be pruned.
export default {
  id: 3,
  name: 'models',
  sql: `
    CREATE TABLE models (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX models_name ON models (name COLLATE NOCASE);
    CREATE TABLE model_versions (
      model_id          TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
      version           INTEGER NOT NULL,
      artifact_path     TEXT NOT NULL,
      algorithm         TEXT NOT NULL,
      task              TEXT NOT NULL,
      target            TEXT NOT NULL,
      description       TEXT NOT NULL DEFAULT '',
      run_id            TEXT,
      node_id           TEXT,
      pipeline_name     TEXT,
      pipeline_revision INTEGER,
      data_hashes       TEXT NOT NULL,
      params            TEXT NOT NULL,
      metrics           TEXT NOT NULL,
      features          TEXT NOT NULL,
      created_at        TEXT NOT NULL,
      PRIMARY KEY (model_id, version)
    ) WITHOUT ROWID;
    CREATE INDEX model_versions_run ON model_versions (run_id);
    CREATE TABLE model_aliases (
      model_id    TEXT NOT NULL,
      alias       TEXT NOT NULL,
      version     INTEGER NOT NULL,
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (model_id, alias),
      FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE deployments (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      model_name    TEXT,
      model_version INTEGER,
      model_path    TEXT NOT NULL,
      host          TEXT NOT NULL,
      port          INTEGER NOT NULL,
      pid           INTEGER NOT NULL,
      status        TEXT NOT NULL,
      run_id        TEXT,
      node_id       TEXT,
      log_path      TEXT NOT NULL,
      started_at    TEXT NOT NULL,
      stopped_at    TEXT
    );
    CREATE INDEX deployments_status ON deployments (status);
  `,
};
