// The experiments table query: the filter language compiled to SQL over runs, metrics, params and tags, plus search,
// sort and a window — all in SQLite, so 10,000 runs filter in milliseconds (bench/tracking).
import { ApiError } from '../../shared/api/index';
import type { ExperimentColumns, ExperimentPage } from '../../shared/tracking/experiment-records';
import type { ColumnRef, ExperimentQuery } from '../../shared/tracking/experiment-view';
import { compareMetricNames } from '../../shared/tracking/metric-goal';
import { compileRunFilter, filterFields, FilterSyntaxError, parseRunFilter, type ComparisonOp, type FilterField, type FilterValue } from '../../shared/tracking/run-filter';
import type { Db } from '../store/database';
import { EXPERIMENT_FROM, type TrackingRepo } from '../store/tracking.repo';

/** A SQL string literal (names are embedded; values always travel as bound parameters). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const RUN_COLUMN_SQL: Record<string, string> = {
  status: 'r.status',
  pipeline: 'r.pipeline_name',
  revision: 'r.pipeline_revision',
  trigger: 'r.trigger',
  // The filter speaks seconds (`duration > 60`); the table sorts the same expression.
  duration: '(r.duration_ms / 1000.0)',
  started: 'r.started_at',
  note: "COALESCE(a.note, '')",
  sweep: 's.sweep_id',
  tags: '(SELECT group_concat(key, \',\') FROM run_tags t WHERE t.run_id = r.id)',
};

/** The SQL expression giving a field's value for the run `r` (NULL when the run does not have it). */
export function fieldSql(field: FilterField | ColumnRef): string {
  switch (field.scope) {
    case 'column': {
      const sql = RUN_COLUMN_SQL[field.name];
      if (!sql) throw new ApiError('invalid_input', `"${field.name}" is not a run column (known: ${Object.keys(RUN_COLUMN_SQL).join(', ')})`);
      return sql;
    }
    case 'param':
      return `json_extract(r.params, ${literal(`$."${field.name.replace(/"/g, '\\"')}"`)})`;
    case 'metric':
      return `(SELECT value FROM run_metric_values mv WHERE mv.run_id = r.id AND mv.name = ${literal(field.name)})`;
    case 'tag':
      return `(SELECT value FROM run_tags tv WHERE tv.run_id = r.id AND tv.key = ${literal(field.name)})`;
  }
}

/** Metric and tag comparisons as index lookups (run_metric_values_by_name, run_tags_by_key). */
function membershipSql(field: FilterField, op: ComparisonOp): string | null {
  if (field.scope === 'metric') return `r.id IN (SELECT run_id FROM run_metric_values WHERE name = ${literal(field.name)} AND value ${op} ?)`;
  if (field.scope === 'tag') return `r.id IN (SELECT run_id FROM run_tags WHERE key = ${literal(field.name)} AND value ${op} ?)`;
  return null;
}

interface Where {
  sql: string;
  params: FilterValue[];
}

function whereClause(query: ExperimentQuery): { where: Where; fields: FilterField[] } {
  const parts: string[] = [];
  const params: FilterValue[] = [];
  let fields: FilterField[] = [];
  if (!query.includeHidden) parts.push('COALESCE(a.hidden, 0) = 0');
  if (query.pipelineName !== undefined) {
    parts.push('r.pipeline_name = ? COLLATE NOCASE');
    params.push(query.pipelineName);
  }
  if (query.sweepId !== undefined) {
    parts.push('s.sweep_id = ?');
    params.push(query.sweepId);
  }
  let expr;
  try {
    expr = parseRunFilter(query.filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new ApiError('invalid_input', error.message);
    throw error;
  }
  if (expr) {
    const condition = compileRunFilter(expr, { column: fieldSql, membership: membershipSql });
    parts.push(`(${condition.sql})`);
    params.push(...condition.params);
    fields = filterFields(expr);
  }
  const search = query.search.trim();
  if (search !== '') {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      `(r.id LIKE ? ESCAPE '\\' OR r.pipeline_name LIKE ? ESCAPE '\\' OR a.note LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM run_tags st WHERE st.run_id = r.id AND (st.key LIKE ? ESCAPE '\\' OR st.value LIKE ? ESCAPE '\\')))`,
    );
    params.push(like, like, like, like, like);
  }
  return { where: { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params }, fields };
}

export class ExperimentQueries {
  constructor(
    private readonly db: Db,
    private readonly repo: TrackingRepo,
  ) {}

  /** Runs matching the query's filter and search, sorted, one window of them. */
  page(query: ExperimentQuery): ExperimentPage {
    const started = performance.now();
    const { where, fields } = whereClause(query);
    const { ids, total } = this.ids(query, where);
    const queryMs = performance.now() - started;
    return { total, offset: query.offset, rows: this.repo.rows(ids), unknownFields: this.unknownFields(fields), queryMs };
  }

  /** The ids of the window and the count. */
  private ids(query: ExperimentQuery, where: Where): { ids: string[]; total: number } {
    const sortSql = fieldSql(query.sort.column);
    const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare(
        `SELECT r.id ${EXPERIMENT_FROM} ${where.sql}
         ORDER BY ${sortSql} IS NULL, ${sortSql} ${direction}, r.started_at DESC, r.id LIMIT ? OFFSET ?`,
      )
      .all(...where.params, query.limit, query.offset) as { id: string }[];
    const total = (this.db.prepare(`SELECT count(*) AS n ${EXPERIMENT_FROM} ${where.sql}`).get(...where.params) as { n: number }).n;
    return { ids: rows.map((r) => r.id), total };
  }

  /** Every param, metric, tag key and pipeline name some run has, sorted (the column chooser). */
  columns(): ExperimentColumns {
    const names = (sql: string) => (this.db.prepare(sql).all() as { name: string }[]).map((r) => r.name);
    return {
      params: names('SELECT DISTINCT j.key AS name FROM runs r, json_each(r.params) j ORDER BY 1'),
      metrics: names('SELECT DISTINCT name FROM run_metric_values ORDER BY 1'),
      tags: names('SELECT DISTINCT key AS name FROM run_tags ORDER BY 1'),
      pipelines: names('SELECT DISTINCT pipeline_name AS name FROM runs ORDER BY 1 COLLATE NOCASE'),
    };
  }

  /**
   * The params and metrics the most runs have (most common first), for the table's first columns. Among metrics as
   * common as each other, the ones that decide "best" and the other scores come before counts (rows, port).
   */
  commonColumns(maxParams = 4, maxMetrics = 6): { params: string[]; metrics: string[] } {
    const params = this.db.prepare('SELECT j.key AS name FROM runs r, json_each(r.params) j GROUP BY j.key ORDER BY count(*) DESC, 1 LIMIT ?').all(maxParams) as { name: string }[];
    const metrics = this.db.prepare('SELECT name, count(*) AS runs FROM run_metric_values GROUP BY name').all() as { name: string; runs: number }[];
    metrics.sort((a, b) => b.runs - a.runs || compareMetricNames(a.name, b.name));
    return { params: params.map((p) => p.name), metrics: metrics.slice(0, maxMetrics).map((m) => m.name) };
  }

  /** Filter fields no run has at all, as `metric accurcy` / `param maxDeep` / `tag ownr`. */
  private unknownFields(fields: FilterField[]): string[] {
    const exists: Record<FilterField['scope'], ((name: string) => unknown) | null> = {
      column: null,
      metric: (name) => this.db.prepare('SELECT 1 FROM run_metric_values WHERE name = ? LIMIT 1').get(name),
      param: (name) => this.db.prepare(`SELECT 1 FROM runs r WHERE ${fieldSql({ scope: 'param', name })} IS NOT NULL LIMIT 1`).get(),
      tag: (name) => this.db.prepare('SELECT 1 FROM run_tags WHERE key = ? LIMIT 1').get(name),
    };
    const unknown = fields.filter((f) => exists[f.scope] && !exists[f.scope]!(f.name)).map((f) => `${f.scope} ${f.name}`);
    return [...new Set(unknown)];
  }
}
