// Experiment tracking data in SQLite: run rows for the experiments table, tags, notes, hidden flags, view choices.
import { ApiError } from '../../shared/api/index';
import type { ExperimentRow } from '../../shared/tracking/experiment-records';
import { DEFAULT_EXPERIMENT_VIEW, experimentViewSchema, type ExperimentView } from '../../shared/tracking/experiment-view';
import { writeTransaction, type Db } from './database';

/** Changes to apply to one or more runs at once. */
export interface RunAnnotation {
  /** Tags to set (key → value; '' for a plain label). */
  setTags?: Record<string, string>;
  removeTags?: string[];
  note?: string;
  hidden?: boolean;
}

interface RowRecord {
  id: string;
  pipeline_name: string;
  pipeline_id: string | null;
  pipeline_revision: number | null;
  status: ExperimentRow['status'];
  trigger: ExperimentRow['trigger'];
  started_at: string;
  duration_ms: number | null;
  error: string | null;
  params: string;
  note: string | null;
  hidden: number | null;
  sweep_id: string | null;
}

/** SQL that selects everything an ExperimentRow needs except metrics and tags, for `runs r`. */
export const EXPERIMENT_FROM = `FROM runs r LEFT JOIN run_annotations a ON a.run_id = r.id LEFT JOIN sweep_runs s ON s.run_id = r.id`;
const ROW_SELECT = `SELECT r.id, r.pipeline_name, r.pipeline_id, r.pipeline_revision, r.status, r.trigger, r.started_at, r.duration_ms,
  r.error, r.params, a.note, a.hidden, s.sweep_id ${EXPERIMENT_FROM}`;

export class TrackingRepo {
  constructor(private readonly db: Db) {}

  /** Full rows for these runs, in the given order; unknown ids are left out. */
  rows(runIds: readonly string[]): ExperimentRow[] {
    if (runIds.length === 0) return [];
    const found = new Map<string, ExperimentRow>();
    // SQLite allows 32766 bound values; pages are far smaller, but a comparison or export may pass many ids.
    for (let i = 0; i < runIds.length; i += 500) {
      const ids = runIds.slice(i, i + 500);
      const marks = ids.map(() => '?').join(',');
      const records = this.db.prepare(`${ROW_SELECT} WHERE r.id IN (${marks})`).all(...ids) as RowRecord[];
      for (const record of records) found.set(record.id, toRow(record));
      const metrics = this.db.prepare(`SELECT run_id, name, value FROM run_metric_values WHERE run_id IN (${marks})`).all(...ids) as {
        run_id: string;
        name: string;
        value: number;
      }[];
      for (const m of metrics) found.get(m.run_id)!.metrics[m.name] = m.value;
      const tags = this.db.prepare(`SELECT run_id, key, value FROM run_tags WHERE run_id IN (${marks}) ORDER BY key`).all(...ids) as {
        run_id: string;
        key: string;
        value: string;
      }[];
      for (const t of tags) found.get(t.run_id)!.tags[t.key] = t.value;
    }
    return runIds.flatMap((id) => found.get(id) ?? []);
  }

  /** One row, or a not_found error. */
  row(runId: string): ExperimentRow {
    const [row] = this.rows([runId]);
    if (!row) throw new ApiError('not_found', `no run with id ${runId}`);
    return row;
  }

  /** Applies tags, a note and/or the hidden flag to every run given, in one transaction. */
  annotate(runIds: readonly string[], change: RunAnnotation): void {
    const now = new Date().toISOString();
    writeTransaction(this.db, () => {
      for (const runId of runIds) {
        if (!this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId)) throw new ApiError('not_found', `no run with id ${runId}`);
        for (const [key, value] of Object.entries(change.setTags ?? {})) {
          this.db.prepare('INSERT INTO run_tags (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value').run(runId, key, value);
        }
        for (const key of change.removeTags ?? []) this.db.prepare('DELETE FROM run_tags WHERE run_id = ? AND key = ?').run(runId, key);
        if (change.note === undefined && change.hidden === undefined) continue;
        this.db.prepare(`INSERT INTO run_annotations (run_id, updated_at) VALUES (?, ?) ON CONFLICT (run_id) DO NOTHING`).run(runId, now);
        if (change.note !== undefined) this.db.prepare('UPDATE run_annotations SET note = ?, updated_at = ? WHERE run_id = ?').run(change.note, now, runId);
        if (change.hidden !== undefined) this.db.prepare('UPDATE run_annotations SET hidden = ?, updated_at = ? WHERE run_id = ?').run(change.hidden ? 1 : 0, now, runId);
      }
    });
  }

  /** The saved choices of the experiments view (defaults until the user changes something). */
  /** The saved choices, or `fallback` when nothing was saved yet. */
  view(name: string, fallback: ExperimentView = DEFAULT_EXPERIMENT_VIEW): ExperimentView {
    const row = this.db.prepare('SELECT state FROM view_preferences WHERE view = ?').get(name) as { state: string } | undefined;
    if (!row) return fallback;
    // A state saved by an older or newer version that no longer fits falls back to the defaults, not an error.
    const parsed = experimentViewSchema.safeParse(JSON.parse(row.state));
    return parsed.success ? parsed.data : fallback;
  }

  saveView(name: string, view: ExperimentView): void {
    this.db
      .prepare('INSERT INTO view_preferences (view, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (view) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at')
      .run(name, JSON.stringify(view), new Date().toISOString());
  }
}

function toRow(r: RowRecord): ExperimentRow {
  return {
    id: r.id,
    pipelineName: r.pipeline_name,
    pipelineId: r.pipeline_id,
    pipelineRevision: r.pipeline_revision,
    status: r.status,
    trigger: r.trigger,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    error: r.error,
    params: JSON.parse(r.params) as ExperimentRow['params'],
    metrics: {},
    tags: {},
    note: r.note ?? '',
    hidden: r.hidden === 1,
    sweepId: r.sweep_id,
  };
}
