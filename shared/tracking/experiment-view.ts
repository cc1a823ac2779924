// The experiments table's query (filter, search, sort, window) and the user's saved choices (columns, pins, sort).
import { z } from 'zod';

/** A column of the table: a run column, a param, a metric or a tag. */
export const columnRefSchema = z
  .object({
    scope: z.enum(['column', 'param', 'metric', 'tag']).describe('what the column shows'),
    name: z.string().min(1).max(200).describe('run column name, param name, metric name or tag key'),
  })
  .strict();
export type ColumnRef = z.infer<typeof columnRefSchema>;

/** Run columns the table can show (and sort by). */
export const RUN_COLUMNS = ['status', 'pipeline', 'revision', 'started', 'duration', 'trigger', 'tags', 'note'] as const;

export const sortSchema = z
  .object({ column: columnRefSchema, direction: z.enum(['asc', 'desc']).default('desc') })
  .strict()
  .describe('sort order; missing values always go last');
export type ExperimentSort = z.infer<typeof sortSchema>;

export const experimentQuerySchema = z
  .object({
    filter: z.string().max(4000).default('').describe('the filter language, e.g. accuracy > 0.9 and params.maxDepth = 5'),
    search: z.string().max(200).default('').describe('text found in the run id, pipeline name, note or a tag'),
    sort: sortSchema.default({ column: { scope: 'column', name: 'started' }, direction: 'desc' }),
    includeHidden: z.boolean().default(false).describe('show runs the user hid'),
    pipelineName: z.string().max(200).optional().describe('only runs of this pipeline'),
    sweepId: z.string().max(100).optional().describe('only runs of this sweep'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(2000).default(200),
  })
  .strict();
export type ExperimentQuery = z.output<typeof experimentQuerySchema>;
export type ExperimentQueryInput = z.input<typeof experimentQuerySchema>;

/** What the user chose in the experiments view; saved in SQLite and restored on the next visit. */
export const experimentViewSchema = z
  .object({
    columns: z.array(columnRefSchema).max(200).describe('shown columns, in order'),
    pinned: z.array(z.string().max(260)).max(50).describe('keys of columns pinned to the left (see columnKey)'),
    sort: sortSchema,
    filter: z.string().max(4000),
    search: z.string().max(200),
    includeHidden: z.boolean(),
  })
  .strict();
export type ExperimentView = z.infer<typeof experimentViewSchema>;

export const DEFAULT_EXPERIMENT_VIEW: ExperimentView = {
  columns: ['status', 'pipeline', 'revision', 'started', 'duration', 'tags', 'note'].map((name) => ({ scope: 'column' as const, name })),
  pinned: [],
  sort: { column: { scope: 'column', name: 'started' }, direction: 'desc' },
  filter: '',
  search: '',
  includeHidden: false,
};

/**
 * The view before the user chose anything: the run columns plus the metrics, then the params, most runs have — as
 * MLflow's table opens with its metrics showing, before its parameters.
 */
export function defaultExperimentView(common: { params: readonly string[]; metrics: readonly string[] }): ExperimentView {
  const runColumns = DEFAULT_EXPERIMENT_VIEW.columns;
  const at = runColumns.findIndex((c) => c.name === 'duration') + 1;
  return {
    ...DEFAULT_EXPERIMENT_VIEW,
    columns: [
      ...runColumns.slice(0, at),
      ...common.metrics.map((name) => ({ scope: 'metric' as const, name })),
      ...common.params.map((name) => ({ scope: 'param' as const, name })),
      ...runColumns.slice(at),
    ],
  };
}

/** A stable text key of a column (`metric:accuracy`). */
export function columnKey(column: ColumnRef): string {
  return `${column.scope}:${column.name}`;
}
