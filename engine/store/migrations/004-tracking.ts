// Migration 4: experiment tracking — run tags, notes and hidden flags, run-level metric values (indexed for the
// experiments filter), hyperparameter sweeps and their runs, and saved view preferences.
export default {
  id: 4,
  name: 'tracking',
  sql: `
    CREATE TABLE run_tags (
      run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      key     TEXT NOT NULL,
      value   TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX run_tags_by_key ON run_tags (key, value);

    -- A run's note and whether it is hidden from the experiments table (one row only once a user touched the run).
    CREATE TABLE run_annotations (
      run_id      TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      note        TEXT NOT NULL DEFAULT '',
      hidden      INTEGER NOT NULL DEFAULT 0,
      updated_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX run_annotations_hidden ON run_annotations (run_id) WHERE hidden = 1;

    -- One value per run and metric name: the one reported by the node latest in the run's topological order (an
    -- evaluation after a training node wins over the training node's own score). Kept by the trigger below, so the
    -- runner stays unaware of it; indexed by (name, value) for filters and by run for pages of the table.
    CREATE TABLE run_metric_values (
      run_id    TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      name      TEXT NOT NULL,
      value     REAL NOT NULL,
      node_id   TEXT NOT NULL,
      position  INTEGER NOT NULL,
      PRIMARY KEY (run_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX run_metric_values_by_name ON run_metric_values (name, value);

    CREATE TRIGGER run_metric_values_keep AFTER INSERT ON run_metrics BEGIN
      INSERT INTO run_metric_values (run_id, name, value, node_id, position)
      VALUES (NEW.run_id, NEW.name, NEW.value, NEW.node_id,
              COALESCE((SELECT position FROM run_nodes WHERE run_id = NEW.run_id AND node_id = NEW.node_id), 0))
      ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value, node_id = excluded.node_id, position = excluded.position
      WHERE excluded.position >= run_metric_values.position;
    END;

    INSERT INTO run_metric_values (run_id, name, value, node_id, position)
    SELECT m.run_id, m.name, m.value, m.node_id, COALESCE(n.position, 0)
    FROM run_metrics m LEFT JOIN run_nodes n ON n.run_id = m.run_id AND n.node_id = m.node_id
    WHERE true
    ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value, node_id = excluded.node_id, position = excluded.position
    WHERE excluded.position >= run_metric_values.position;

    -- Columns the experiments table sorts and filters on besides the start time (indexed by migration 2).
    CREATE INDEX runs_by_status ON runs (status, started_at DESC);
    CREATE INDEX runs_by_pipeline_name ON runs (pipeline_name COLLATE NOCASE, started_at DESC);
    CREATE INDEX runs_by_duration ON runs (duration_ms);

    -- A hyperparameter sweep: the spec as given, and one row per combination (run_id set once its run started).
    CREATE TABLE sweeps (
      id                 TEXT PRIMARY KEY,
      pipeline_id        TEXT,
      pipeline_name      TEXT NOT NULL,
      pipeline_revision  INTEGER,
      spec               TEXT NOT NULL,
      base_params        TEXT NOT NULL,
      parallel           INTEGER NOT NULL,
      metric             TEXT,
      goal               TEXT NOT NULL,
      status             TEXT NOT NULL,
      owner_pid          INTEGER NOT NULL,
      created_at         TEXT NOT NULL,
      finished_at        TEXT
    );
    CREATE INDEX sweeps_by_created ON sweeps (created_at DESC);
    CREATE TABLE sweep_runs (
      sweep_id  TEXT NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
      position  INTEGER NOT NULL,
      params    TEXT NOT NULL,
      run_id    TEXT,
      PRIMARY KEY (sweep_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX sweep_runs_by_run ON sweep_runs (run_id);

    -- Saved choices of a view (columns, pinned columns, sort, filter, hidden runs shown), as JSON by view name.
    CREATE TABLE view_preferences (
      view        TEXT PRIMARY KEY,
      state       TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
