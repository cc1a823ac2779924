// Migration 2: runs, their nodes, events, chunked logs with a line index, metrics, artifacts, and the cache index.
export default {
  id: 2,
  name: 'runs',
  sql: `
    CREATE TABLE runs (
      id                 TEXT PRIMARY KEY,
      pipeline_id        TEXT,
      pipeline_name      TEXT NOT NULL,
      pipeline_revision  INTEGER,
      document           TEXT NOT NULL,
      base_dir           TEXT NOT NULL,
      params             TEXT NOT NULL,
      options            TEXT NOT NULL,
      trigger            TEXT NOT NULL,
      status             TEXT NOT NULL,
      error              TEXT,
      owner_pid          INTEGER NOT NULL,
      owner_start        TEXT,
      started_at         TEXT NOT NULL,
      finished_at        TEXT,
      duration_ms        INTEGER,
      last_seq           INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX runs_by_pipeline ON runs (pipeline_id, started_at DESC);
    CREATE INDEX runs_by_start ON runs (started_at DESC);
    CREATE INDEX runs_running ON runs (status) WHERE status = 'running';

    CREATE TABLE run_nodes (
      run_id          TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      node_id         TEXT NOT NULL,
      position        INTEGER NOT NULL,
      status          TEXT NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      pid             INTEGER,
      exit_code       INTEGER,
      error           TEXT,
      cached          INTEGER NOT NULL DEFAULT 0,
      started_at      TEXT,
      finished_at     TEXT,
      duration_ms     INTEGER,
      cache           TEXT,
      peak_rss_bytes  INTEGER,
      cpu_ms          INTEGER,
      log_lines       INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (run_id, node_id)
    ) WITHOUT ROWID;

    -- Every event except log lines (those live in run_log_chunks), for resume-after-reconnect and replay.
    CREATE TABLE run_events (
      run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      seq      INTEGER NOT NULL,
      payload  TEXT NOT NULL,
      PRIMARY KEY (run_id, seq)
    ) WITHOUT ROWID;

    -- The line index of node logs: one row per chunk of consecutive lines of one stream, not per line. The bytes are
    -- in the run folder (artifacts/<run>/_logs/<node>.log, newline-terminated lines) at byte_offset, byte_length.
    -- first_line counts lines of the node's whole log, stream_line counts within the stream; seq_runs lists the
    -- lines' event seqs as JSON [[firstSeq, count], …] (other nodes' lines interleave); last_seq is the last one.
    CREATE TABLE run_log_chunks (
      run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      node_id      TEXT NOT NULL,
      stream       TEXT NOT NULL,
      first_line   INTEGER NOT NULL,
      stream_line  INTEGER NOT NULL,
      line_count   INTEGER NOT NULL,
      last_seq     INTEGER NOT NULL,
      seq_runs     TEXT NOT NULL,
      byte_offset  INTEGER NOT NULL,
      byte_length  INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX run_log_chunks_by_line ON run_log_chunks (run_id, node_id, first_line);
    CREATE INDEX run_log_chunks_by_stream ON run_log_chunks (run_id, node_id, stream, stream_line);
    CREATE INDEX run_log_chunks_by_seq ON run_log_chunks (run_id, last_seq);

    CREATE TABLE run_metrics (
      run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      node_id  TEXT NOT NULL,
      name     TEXT NOT NULL,
      value    REAL NOT NULL,
      PRIMARY KEY (run_id, node_id, name)
    ) WITHOUT ROWID;

    CREATE TABLE run_artifacts (
      run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      node_id  TEXT NOT NULL,
      port     TEXT NOT NULL,
      type     TEXT NOT NULL,
      kind     TEXT NOT NULL,
      path     TEXT NOT NULL,
      hash     TEXT NOT NULL,
      size     INTEGER NOT NULL,
      PRIMARY KEY (run_id, node_id, port)
    ) WITHOUT ROWID;

    -- The content-addressed cache: key → outputs (hashes of objects under PIPEWRIGHT_HOME/cache) and metrics.
    CREATE TABLE cache_entries (
      key            TEXT PRIMARY KEY,
      pipeline_name  TEXT NOT NULL,
      node_id        TEXT NOT NULL,
      parts          TEXT NOT NULL,
      outputs        TEXT NOT NULL,
      metrics        TEXT NOT NULL,
      run_id         TEXT NOT NULL,
      created_at     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX cache_entries_by_node ON cache_entries (pipeline_name, node_id, created_at DESC);

    -- Content hashes of files read by nodes (scripts, data files), reused while size and mtime are unchanged.
    CREATE TABLE file_hashes (
      path      TEXT PRIMARY KEY,
      size      INTEGER NOT NULL,
      mtime_ms  REAL NOT NULL,
      hash      TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
