// The model registry in SQLite: named models, numbered versions with lineage, and aliases (staging, production, …).
import { randomUUID } from 'node:crypto';
import type { ModelSummary, ModelVersionRecord } from '../../shared/api/index';
import { ApiError } from '../../shared/api/index';
import { writeTransaction, type Db } from './database';

/** What registering a version needs; the version number is assigned by the registry. */
export interface NewModelVersion {
  name: string;
  description: string;
  algorithm: string;
  task: ModelVersionRecord['task'];
  target: string;
  lineage: ModelVersionRecord['lineage'];
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  features: ModelVersionRecord['features'];
}

interface VersionRow {
  name: string;
  model_id: string;
  version: number;
  artifact_path: string;
  algorithm: string;
  task: ModelVersionRecord['task'];
  target: string;
  description: string;
  run_id: string | null;
  node_id: string | null;
  pipeline_name: string | null;
  pipeline_revision: number | null;
  data_hashes: string;
  params: string;
  metrics: string;
  features: string;
  created_at: string;
}

const VERSION_SELECT = 'SELECT m.name, v.* FROM model_versions v JOIN models m ON m.id = v.model_id';

export class ModelsRepo {
  constructor(private readonly db: Db) {}

  list(): ModelSummary[] {
    const rows = this.db
      .prepare(
        `SELECT m.id, m.name, m.updated_at, count(v.version) AS versions, max(v.version) AS latest
         FROM models m LEFT JOIN model_versions v ON v.model_id = m.id GROUP BY m.id ORDER BY m.name COLLATE NOCASE`,
      )
      .all() as { id: string; name: string; updated_at: string; versions: number; latest: number | null }[];
    return rows.map((r) => ({ name: r.name, versionCount: r.versions, latestVersion: r.latest ?? 0, aliases: this.aliasMap(r.id), updatedAt: r.updated_at }));
  }

  /** Every version of a model, newest first. */
  versions(name: string): ModelVersionRecord[] {
    const id = this.modelId(name);
    const rows = this.db.prepare(`${VERSION_SELECT} WHERE v.model_id = ? ORDER BY v.version DESC`).all(id) as VersionRow[];
    return rows.map((row) => this.toRecord(row));
  }

  version(name: string, version: number): ModelVersionRecord {
    const row = this.db.prepare(`${VERSION_SELECT} WHERE v.model_id = ? AND v.version = ?`).get(this.modelId(name), version) as VersionRow | undefined;
    if (!row) throw new ApiError('not_found', `model "${name}" has no version ${version}`);
    return this.toRecord(row);
  }

  /** The version an alias points at, if the model and alias exist. */
  versionByAlias(name: string, alias: string): ModelVersionRecord | undefined {
    const row = this.db
      .prepare(`${VERSION_SELECT} JOIN model_aliases a ON a.model_id = v.model_id AND a.version = v.version WHERE m.name = ? COLLATE NOCASE AND a.alias = ?`)
      .get(name, alias) as VersionRow | undefined;
    return row && this.toRecord(row);
  }

  /** Versions registered by a run (lineage from a run forward to its models). */
  byRun(runId: string): ModelVersionRecord[] {
    const rows = this.db.prepare(`${VERSION_SELECT} WHERE v.run_id = ? ORDER BY m.name, v.version`).all(runId) as VersionRow[];
    return rows.map((row) => this.toRecord(row));
  }

  /**
   * Adds the next version of `input.name` (creating the model on first use). `store(modelId, version)` copies the
   * artifact and returns its path; it runs inside the transaction, so a failed copy registers nothing.
   */
  register(input: NewModelVersion, store: (modelId: string, version: number) => string, alias?: string): ModelVersionRecord {
    const now = new Date().toISOString();
    const { id, version } = writeTransaction(this.db, () => {
      const existing = this.db.prepare('SELECT id FROM models WHERE name = ? COLLATE NOCASE').get(input.name) as { id: string } | undefined;
      const modelId = existing?.id ?? randomUUID();
      if (!existing) this.db.prepare('INSERT INTO models (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(modelId, input.name, now, now);
      const next = ((this.db.prepare('SELECT max(version) AS v FROM model_versions WHERE model_id = ?').get(modelId) as { v: number | null }).v ?? 0) + 1;
      const path = store(modelId, next);
      this.db
        .prepare(
          `INSERT INTO model_versions (model_id, version, artifact_path, algorithm, task, target, description, run_id, node_id,
             pipeline_name, pipeline_revision, data_hashes, params, metrics, features, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          modelId, next, path, input.algorithm, input.task, input.target, input.description, input.lineage.runId, input.lineage.nodeId,
          input.lineage.pipelineName, input.lineage.pipelineRevision, JSON.stringify(input.lineage.dataHashes), JSON.stringify(input.params),
          JSON.stringify(input.metrics), JSON.stringify(input.features), now,
        );
      this.db.prepare('UPDATE models SET updated_at = ? WHERE id = ?').run(now, modelId);
      if (alias) this.pointAlias(modelId, alias, next, now);
      return { id: modelId, version: next };
      // IMMEDIATE: runs of a sweep register at the same moment from separate processes; a deferred transaction that
      // read first cannot upgrade to a writer once another process committed ("database is locked", no busy wait).
    });
    return this.version(this.nameOf(id), version);
  }

  /** Points `alias` at `version` (moving it from wherever it pointed). */
  setAlias(name: string, alias: string, version: number): ModelVersionRecord {
    const id = this.modelId(name);
    this.version(name, version);
    this.pointAlias(id, alias, version, new Date().toISOString());
    return this.version(name, version);
  }

  removeAlias(name: string, alias: string): boolean {
    return this.db.prepare('DELETE FROM model_aliases WHERE model_id = ? AND alias = ?').run(this.modelId(name), alias).changes > 0;
  }

  private pointAlias(modelId: string, alias: string, version: number, now: string): void {
    this.db
      .prepare(
        `INSERT INTO model_aliases (model_id, alias, version, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
      )
      .run(modelId, alias, version, now);
    this.db.prepare('UPDATE models SET updated_at = ? WHERE id = ?').run(now, modelId);
  }

  private modelId(name: string): string {
    const row = this.db.prepare('SELECT id FROM models WHERE name = ? COLLATE NOCASE').get(name) as { id: string } | undefined;
    if (!row) throw new ApiError('not_found', `no registered model named "${name}"`);
    return row.id;
  }

  private nameOf(id: string): string {
    return (this.db.prepare('SELECT name FROM models WHERE id = ?').get(id) as { name: string }).name;
  }

  private aliasMap(modelId: string): Record<string, number> {
    const rows = this.db.prepare('SELECT alias, version FROM model_aliases WHERE model_id = ? ORDER BY alias').all(modelId) as { alias: string; version: number }[];
    return Object.fromEntries(rows.map((r) => [r.alias, r.version]));
  }

  private toRecord(row: VersionRow): ModelVersionRecord {
    const aliases = this.db
      .prepare('SELECT alias FROM model_aliases WHERE model_id = ? AND version = ? ORDER BY alias')
      .all(row.model_id, row.version) as { alias: string }[];
    return {
      name: row.name,
      version: row.version,
      createdAt: row.created_at,
      description: row.description,
      algorithm: row.algorithm,
      task: row.task,
      target: row.target,
      aliases: aliases.map((a) => a.alias),
      lineage: {
        runId: row.run_id,
        nodeId: row.node_id,
        pipelineName: row.pipeline_name,
        pipelineRevision: row.pipeline_revision,
        dataHashes: JSON.parse(row.data_hashes) as Record<string, string>,
      },
      params: JSON.parse(row.params) as Record<string, unknown>,
      metrics: JSON.parse(row.metrics) as Record<string, number>,
      features: JSON.parse(row.features) as ModelVersionRecord['features'],
      artifactPath: row.artifact_path,
    };
  }
}
