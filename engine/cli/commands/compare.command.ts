// `pipewright compare RUN RUN… [--metric M] [--json] [--report FILE]`: runs side by side — params (differences
// marked), metrics with deltas and the best run, per-node durations, graph diff — or one self-contained HTML report.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/index';
import { formatBytes, formatDuration } from '../../../shared/runs/run-format';
import { goalArrow } from '../../../shared/tracking/metric-goal';
import type { RunComparison, SeriesComparison } from '../../../shared/tracking/experiment-records';
import { formatMetricDelta, formatMetricValue, formatParamValue } from '../../../shared/tracking/value-format';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';

interface CompareFlags {
  metric?: string;
  json?: boolean;
  report?: string;
}

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('compare runs: params, metrics with deltas, best run, node durations, pipeline graph diff')
    .argument('<runs...>', 'two or more run ids (one is enough with --report)')
    .option('--metric <name>', 'the metric that picks the best run (default: accuracy, f1_macro, … if reported)')
    .option('--json', 'print the comparison as JSON')
    .option('--report <file>', 'write a self-contained HTML report (charts included) to this file')
    .action(async (runIds: string[], flags: CompareFlags) => {
      if (runIds.length < 2 && !flags.report) throw new CliError('compare needs two or more run ids (`pipewright runs` lists them); one is enough with --report');
      let comparison: RunComparison;
      try {
        comparison = ctx.engine().ctx.tracking.compare(runIds, flags.metric);
      } catch (error) {
        if (error instanceof ApiError) throw new CliError(error.message);
        throw error;
      }
      if (flags.report) {
        const file = resolve(flags.report);
        // On demand: ECharts (server-side rendering) is only needed for reports.
        const { buildHtmlReport } = await import('../../tracking/html-report');
        writeFileSync(file, buildHtmlReport(comparison));
        ctx.warn(`report written to ${file}`);
      }
      if (flags.json) return ctx.print(JSON.stringify(comparison, null, 2));
      if (!flags.report) ctx.print(formatComparison(comparison));
    });
}

function formatComparison(c: RunComparison): string {
  const header = ['', ...c.runs.map((r) => r.id)];
  const sections = [
    formatTable(['RUN', ...header.slice(1)], [
      ['pipeline', ...c.runs.map((r) => (r.pipelineRevision === null ? r.pipelineName : `${r.pipelineName}@${r.pipelineRevision}`))],
      ['status', ...c.runs.map((r) => r.status)],
      ['duration', ...c.runs.map((r) => (r.durationMs === null ? '-' : formatDuration(r.durationMs)))],
    ]),
    c.params.length === 0 ? 'no parameters' : formatTable(['PARAM', ...header.slice(1)], c.params.map((p) => [`${p.differs ? '* ' : '  '}${p.name}`, ...p.values.map(formatParamValue)])),
    c.metrics.length === 0
      ? 'no metrics'
      : formatTable(
          ['METRIC', ...header.slice(1)],
          c.metrics.map((m) => [
            m.goal ? `${m.name} (${goalArrow(m.goal)})` : m.name,
            ...m.values.map((v, i) => `${formatMetricValue(v)}${i > 0 ? ` (${formatMetricDelta(m.deltas[i] ?? null)})` : ''}${i === m.best ? ' ★' : ''}`),
          ]),
        ),
    c.series.length === 0 ? '' : formatTable(['SERIES', ...header.slice(1)], c.series.flatMap((series) => seriesRows(series, c.runs))),
    formatTable(
      ['NODE', ...header.slice(1)],
      c.nodes.map((n) => [
        n.nodeId,
        ...n.status.map((s, i) => (s === null ? '-' : `${s}${n.durationMs[i] === null ? '' : ` ${formatDuration(n.durationMs[i]!)}`}${n.peakRssBytes[i] === null ? '' : ` ${formatBytes(n.peakRssBytes[i]!)}`}`)),
      ]),
    ),
    ...c.revisionDiffs.map((d) => {
      const title = `graph ${d.baseRunId} (r${d.baseRevision ?? '?'}) → ${d.runId} (r${d.revision ?? '?'})`;
      if (d.same) return `${title}: same graph and node params`;
      const lines = [
        ...d.diff.onlyInA.map((id) => `  - node ${id}`),
        ...d.diff.onlyInB.map((id) => `  + node ${id}`),
        ...d.diff.changed.flatMap((n) => n.changes.map((ch) => `  ~ ${n.nodeId} ${ch.path}: ${formatParamValue(ch.before)} → ${formatParamValue(ch.after)}`)),
        ...d.diff.edgesOnlyInA.map((e) => `  - edge ${e}`),
        ...d.diff.edgesOnlyInB.map((e) => `  + edge ${e}`),
        ...d.diff.parameters.map((ch) => `  ~ ${ch.path}: ${formatParamValue(ch.before)} → ${formatParamValue(ch.after)}`),
      ];
      return [`${title}:`, ...lines].join('\n');
    }),
    c.bestRunId ? `best run by ${c.primaryMetric}: ${c.bestRunId}` : '',
  ];
  return sections.filter(Boolean).join('\n\n');
}

/** A metric's series per run, one row per node that wrote it: first → last value over how many steps. */
function seriesRows(series: SeriesComparison, runs: RunComparison['runs']): string[][] {
  const nodes = [...new Set(series.lines.map((l) => l.nodeId))];
  return nodes.map((nodeId) => [
    nodes.length > 1 ? `${series.metric} (${nodeId})` : series.metric,
    ...runs.map((run) => {
      const points = series.lines.find((l) => l.runId === run.id && l.nodeId === nodeId)?.points;
      if (!points?.length) return '-';
      return `${formatMetricValue(points[0]!.value)} → ${formatMetricValue(points.at(-1)!.value)} (${points.length} step${points.length === 1 ? '' : 's'})`;
    }),
  ]);
}
