// Pipelines and their revisions in SQLite: every change is a new revision; nothing is overwritten.
import { randomUUID } from 'node:crypto';
import type { PipelineRecord, PipelineSummary, RevisionSummary } from '../../shared/api/index';
import { ApiError } from '../../shared/api/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { writeTransaction, type Db } from './database';

interface PipelineRow {
  id: string;
  name: string;
  revision: number;
  node_count: number;
  source_dir: string | null;
  created_at: string;
  updated_at: string;
}

/** Data access for pipelines. Documents passed in are already validated by the caller. */
export class PipelinesRepo {
  constructor(private readonly db: Db) {}

  list(): PipelineSummary[] {
    const rows = this.db.prepare('SELECT * FROM pipelines ORDER BY name COLLATE NOCASE').all() as PipelineRow[];
    return rows.map(toSummary);
  }

  /** Every pipeline's revision and last update time (a save adds a revision; a rename only updates the time). */
  changeMarks(): Map<string, { revision: number; updatedAt: string }> {
    const rows = this.db.prepare('SELECT id, revision, updated_at FROM pipelines').all() as { id: string; revision: number; updated_at: string }[];
    return new Map(rows.map((r) => [r.id, { revision: r.revision, updatedAt: r.updated_at }]));
  }

  get(id: string): PipelineRecord {
    const row = this.row(id);
    return { ...toSummary(row), createdAt: row.created_at, sourceDir: row.source_dir, document: this.document(id, row.revision) };
  }

  /** Finds a pipeline by id or (case-insensitive) name, as the CLI accepts either. */
  find(idOrName: string): PipelineRecord | undefined {
    const row = this.db
      .prepare('SELECT id FROM pipelines WHERE id = ? OR name = ? COLLATE NOCASE')
      .get(idOrName, idOrName) as { id: string } | undefined;
    return row ? this.get(row.id) : undefined;
  }

  /**
   * Stores a new pipeline. Its name must be free — or, with `freeName`, the first free one of `name`, `name (2)`, …
   * is taken, chosen under the write lock so two processes creating at once never pick the same one.
   */
  create(document: Pipeline, reason = 'create', sourceDir: string | null = null, options: { freeName?: boolean } = {}): PipelineRecord {
    const id = randomUUID();
    const now = new Date().toISOString();
    writeTransaction(this.db, () => {
      if (!options.freeName) this.assertNameFree(document.name);
      const named = options.freeName ? { ...document, name: this.uniqueName(document.name) } : document;
      this.db
        .prepare(
          `INSERT INTO pipelines (id, name, revision, node_count, source_dir, created_at, updated_at)
           VALUES (?, ?, 1, ?, ?, ?, ?)`,
        )
        .run(id, named.name, named.nodes.length, sourceDir, now, now);
      this.insertRevision(id, 1, named, reason, now);
    });
    return this.get(id);
  }

  /**
   * Stores `document` as the next revision. Saving an unchanged document is a no-op, so autosave never floods the
   * history. With `expectedRevision`, a save based on a stale revision is refused instead of overwriting newer work.
   */
  save(id: string, document: Pipeline, reason = 'save', expectedRevision?: number): PipelineSummary {
    return writeTransaction(this.db, () => {
      const row = this.row(id);
      if (expectedRevision !== undefined && expectedRevision !== row.revision) {
        throw new ApiError('conflict', `pipeline "${row.name}" changed elsewhere (now revision ${row.revision}, you edited ${expectedRevision}); reload it`);
      }
      const text = JSON.stringify(document);
      if (text === this.documentText(id, row.revision)) return toSummary(row);
      if (document.name.toLowerCase() !== row.name.toLowerCase()) this.assertNameFree(document.name);
      const revision = row.revision + 1;
      const now = new Date().toISOString();
      this.insertRevision(id, revision, document, reason, now);
      this.db
        .prepare('UPDATE pipelines SET name = ?, revision = ?, node_count = ?, updated_at = ? WHERE id = ?')
        .run(document.name, revision, document.nodes.length, now, id);
      return toSummary(this.row(id));
    });
  }

  delete(id: string): void {
    this.row(id);
    this.db.prepare('DELETE FROM pipelines WHERE id = ?').run(id);
  }

  revisions(id: string): RevisionSummary[] {
    this.row(id);
    const rows = this.db
      .prepare('SELECT revision, created_at, reason, node_count FROM pipeline_revisions WHERE pipeline_id = ? ORDER BY revision DESC')
      .all(id) as { revision: number; created_at: string; reason: string; node_count: number }[];
    return rows.map((r) => ({ revision: r.revision, createdAt: r.created_at, reason: r.reason, nodeCount: r.node_count }));
  }

  document(id: string, revision: number): Pipeline {
    return JSON.parse(this.documentText(id, revision)) as Pipeline;
  }

  /** A name not yet taken: `base`, else `base (2)`, `base (3)`, … */
  uniqueName(base: string): string {
    const taken = new Set(this.list().map((p) => p.name.toLowerCase()));
    if (!taken.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) {
      const candidate = `${base} (${n})`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  private documentText(id: string, revision: number): string {
    const row = this.db
      .prepare('SELECT document FROM pipeline_revisions WHERE pipeline_id = ? AND revision = ?')
      .get(id, revision) as { document: string } | undefined;
    if (!row) throw new ApiError('not_found', `pipeline ${id} has no revision ${revision}`);
    return row.document;
  }

  private insertRevision(id: string, revision: number, document: Pipeline, reason: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO pipeline_revisions (pipeline_id, revision, document, reason, node_count, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, revision, JSON.stringify(document), reason, document.nodes.length, now);
  }

  private row(id: string): PipelineRow {
    const row = this.db.prepare('SELECT * FROM pipelines WHERE id = ?').get(id) as PipelineRow | undefined;
    if (!row) throw new ApiError('not_found', `no pipeline with id ${id}`);
    return row;
  }

  private assertNameFree(name: string): void {
    const clash = this.db.prepare('SELECT 1 FROM pipelines WHERE name = ? COLLATE NOCASE').get(name);
    if (clash) throw new ApiError('conflict', `a pipeline named "${name}" already exists; choose another name`);
  }
}

function toSummary(row: PipelineRow): PipelineSummary {
  return { id: row.id, name: row.name, revision: row.revision, nodeCount: row.node_count, updatedAt: row.updated_at };
}
