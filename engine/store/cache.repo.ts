// The cache index in SQLite: cache key → stored outputs, metrics and their series; and remembered content hashes of
// files.
import type { CacheKeyDetail, CacheKeyParts } from '../../shared/runs/cache-report';
import type { MetricPoint } from '../../shared/runs/metrics-file';
import type { Db } from './database';

/** An output kept in the content-addressed store under PIPEWRIGHT_HOME/cache/objects. */
export interface CachedOutput {
  hash: string;
  kind: 'file' | 'directory';
  size: number;
}

/** One cached node result. */
export interface CacheEntry {
  key: string;
  pipelineName: string;
  nodeId: string;
  parts: CacheKeyParts;
  /** What the params and environment parts were made of (absent in entries cached before it was kept). */
  detail?: CacheKeyDetail;
  outputs: Record<string, CachedOutput>;
  metrics: Record<string, number>;
  /** The metric series the node wrote (absent when it wrote none, and in entries cached before they were kept). */
  series?: Record<string, MetricPoint[]>;
  runId: string;
  createdAt: string;
  /** How long the node took to make it, retries included (absent in entries cached before it was kept). */
  durationMs?: number;
}

interface EntryRow {
  key: string;
  pipeline_name: string;
  node_id: string;
  parts: string;
  key_detail: string | null;
  outputs: string;
  metrics: string;
  series: string | null;
  run_id: string;
  created_at: string;
  duration_ms: number | null;
}

export class CacheRepo {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      get: db.prepare('SELECT * FROM cache_entries WHERE key = ?'),
      latest: db.prepare('SELECT * FROM cache_entries WHERE pipeline_name = ? AND node_id = ? ORDER BY created_at DESC LIMIT 1'),
      put: db.prepare(
        `INSERT OR REPLACE INTO cache_entries (key, pipeline_name, node_id, parts, key_detail, outputs, metrics, series, run_id, created_at, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      remove: db.prepare('DELETE FROM cache_entries WHERE key = ?'),
      fileHash: db.prepare('SELECT size, mtime_ms, hash FROM file_hashes WHERE path = ?'),
      putFileHash: db.prepare('INSERT OR REPLACE INTO file_hashes (path, size, mtime_ms, hash) VALUES (?, ?, ?, ?)'),
    };
  }

  get(key: string): CacheEntry | undefined {
    const row = this.statements.get.get(key) as EntryRow | undefined;
    return row && toEntry(row);
  }

  /** The newest entry for this node of this pipeline: what a miss is compared with to say which part changed. */
  latest(pipelineName: string, nodeId: string): CacheEntry | undefined {
    const row = this.statements.latest.get(pipelineName, nodeId) as EntryRow | undefined;
    return row && toEntry(row);
  }

  put(entry: CacheEntry): void {
    this.statements.put.run(
      entry.key,
      entry.pipelineName,
      entry.nodeId,
      JSON.stringify(entry.parts),
      entry.detail ? JSON.stringify(entry.detail) : null,
      JSON.stringify(entry.outputs),
      JSON.stringify(entry.metrics),
      entry.series ? JSON.stringify(entry.series) : null,
      entry.runId,
      entry.createdAt,
      entry.durationMs ?? null,
    );
  }

  remove(key: string): void {
    this.statements.remove.run(key);
  }

  /** Drops the entries the runs `runIds` made (their runs are being deleted); returns how many went. */
  removeByRuns(runIds: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM cache_entries WHERE run_id = ?');
    return runIds.reduce((count, runId) => count + remove.run(runId).changes, 0);
  }

  /** The hashes of every object an entry still uses. */
  usedObjects(): Set<string> {
    const used = new Set<string>();
    for (const outputs of this.db.prepare('SELECT outputs FROM cache_entries').pluck().iterate() as Iterable<string>) {
      for (const output of Object.values(JSON.parse(outputs) as Record<string, CachedOutput>)) used.add(output.hash);
    }
    return used;
  }

  /** A remembered hash, valid only while the file's size and mtime are what they were. */
  fileHash(path: string, size: number, mtimeMs: number): string | undefined {
    const row = this.statements.fileHash.get(path) as { size: number; mtime_ms: number; hash: string } | undefined;
    return row && row.size === size && row.mtime_ms === mtimeMs ? row.hash : undefined;
  }

  rememberFileHash(path: string, size: number, mtimeMs: number, hash: string): void {
    this.statements.putFileHash.run(path, size, mtimeMs, hash);
  }
}

function toEntry(row: EntryRow): CacheEntry {
  return {
    key: row.key,
    pipelineName: row.pipeline_name,
    nodeId: row.node_id,
    parts: JSON.parse(row.parts) as CacheKeyParts,
    ...(row.key_detail ? { detail: JSON.parse(row.key_detail) as CacheKeyDetail } : {}),
    outputs: JSON.parse(row.outputs) as Record<string, CachedOutput>,
    metrics: JSON.parse(row.metrics) as Record<string, number>,
    ...(row.series ? { series: JSON.parse(row.series) as Record<string, MetricPoint[]> } : {}),
    runId: row.run_id,
    createdAt: row.created_at,
    ...(row.duration_ms === null ? {} : { durationMs: row.duration_ms }),
  };
}
