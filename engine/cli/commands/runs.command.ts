// `pipewright runs [--pipeline NAME] [--filter EXPR] [--search TEXT] [--sort COL] [--metrics a,b] [--all] [--json]`:
// the run history (the experiments table), newest first unless sorted otherwise. `runs delete`: runs-delete.command.ts.
import type { Command } from 'commander';
import { formatCounts, formatDuration } from '../../../shared/runs/run-format';
import type { RunSummary } from '../../../shared/runs/run-record';
import type { ExperimentRow } from '../../../shared/tracking/experiment-records';
import type { ColumnRef } from '../../../shared/tracking/experiment-view';
import { primaryMetric } from '../../../shared/tracking/metric-goal';
import { formatMetricValue, formatTags } from '../../../shared/tracking/value-format';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';
import { registerRunsDelete } from './runs-delete.command';
import { queryRuns, type RunSelectionFlags } from './runs-query';

interface RunsFlags extends RunSelectionFlags {
  limit: string;
  sort?: string;
  asc?: boolean;
  metrics?: string;
  json?: boolean;
}

/** `--sort accuracy` (a metric), `params.k`, `tags.owner`, or a run column (`started`, `duration`, `status`, …). */
function sortColumn(text: string): ColumnRef {
  const [scope, ...rest] = text.split('.');
  const named = { params: 'param', metrics: 'metric', tags: 'tag', run: 'column' } as const;
  if (rest.length > 0 && scope! in named) return { scope: named[scope as keyof typeof named], name: rest.join('.') };
  const columns = ['status', 'pipeline', 'revision', 'started', 'duration', 'trigger', 'note'];
  return columns.includes(text) ? { scope: 'column', name: text } : { scope: 'metric', name: text };
}

export function registerRuns(program: Command, ctx: CliContext): void {
  const runsCommand = program
    .command('runs')
    .description('list runs of every pipeline (newest first), filtered and sorted like the Experiments view')
    .enablePositionalOptions()
    .option('--pipeline <name>', 'only runs of this pipeline (stored name or id, or the name of a pipeline file)')
    .option('--filter <expr>', 'filter language, e.g. "accuracy > 0.9 and params.k = 5" (see docs/tracking.md)')
    .option('--search <text>', 'runs whose id, pipeline, note or a tag contains the text')
    .option('--sort <column>', 'sort by a metric, params.<name>, tags.<key> or started|duration|status|pipeline|revision')
    .option('--asc', 'sort ascending (default descending); missing values always last')
    .option('--metrics <names>', 'comma-separated metric columns (default: the main metric the runs report)')
    .option('--sweep <id>', 'only runs of this sweep')
    .option('--all', 'include runs hidden in the Experiments view')
    .option('--limit <n>', 'how many runs to list', '20')
    .option('--json', 'print JSON')
    .action((flags: RunsFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError(`--limit must be 1–1000; got "${flags.limit}"`);
      const { ctx: engine } = ctx.engine();
      const sort = flags.sort ? { sort: { column: sortColumn(flags.sort), direction: flags.asc ? ('asc' as const) : ('desc' as const) } } : {};
      const page = queryRuns(engine, flags, { ...sort, limit });
      for (const field of page.unknownFields) ctx.warn(`note: no run has ${field}`);
      const runs = page.rows.map((row) => ({ ...engine.runner.runs.summary(row.id), metrics: row.metrics, tags: row.tags, note: row.note, hidden: row.hidden, sweepId: row.sweepId }));
      if (flags.json) return ctx.print(JSON.stringify(runs, null, 2));
      if (runs.length === 0) return ctx.print(page.total === 0 && !flags.filter && !flags.search ? 'no runs yet — `pipewright run <file|name>` starts one' : 'no run matches');
      ctx.print(formatRuns(runs, page.rows, flags.metrics));
      if (page.total > runs.length) ctx.print(`… ${page.total - runs.length} more (--limit)`);
    });
  registerRunsDelete(runsCommand, ctx);
}

function formatRuns(runs: RunSummary[], rows: ExperimentRow[], metricFlag?: string): string {
  const reported = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const primary = primaryMetric(reported);
  const metrics = metricFlag ? metricFlag.split(',').map((m) => m.trim()).filter(Boolean) : primary ? [primary] : [];
  const withTags = rows.some((r) => Object.keys(r.tags).length > 0);
  return formatTable(
    ['RUN', 'PIPELINE', 'STATUS', 'TRIGGER', 'STARTED', 'DURATION', 'NODES', ...metrics.map((m) => m.toUpperCase()), ...(withTags ? ['TAGS'] : [])],
    runs.map((r, i) => [
      r.id,
      r.pipelineRevision ? `${r.pipelineName}@${r.pipelineRevision}` : r.pipelineName,
      r.status,
      r.trigger,
      r.startedAt,
      r.durationMs === null ? '-' : formatDuration(r.durationMs),
      formatCounts(r.counts),
      ...metrics.map((m) => formatMetricValue(rows[i]!.metrics[m])),
      ...(withTags ? [formatTags(rows[i]!.tags).join(', ')] : []),
    ]),
  );
}
