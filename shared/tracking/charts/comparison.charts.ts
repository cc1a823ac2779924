// Chart options of a run comparison: one bar chart per metric, overlaid metric series (loss curves), ROC curves,
// confusion matrices, per-node durations and peak memory. Pure data in, ECharts options out — the UI and the HTML report draw the same charts.
import type { EChartsOption } from 'echarts';
import type { ClassificationCurves, MetricComparison, NodeComparison, RunComparison, SeriesComparison } from '../experiment-records';
import { baseOption, BEST_COLOUR, runColour, runLabel } from './chart-style';

/** Bars of one metric, one per run; the best run's bar is gold. */
export function metricBarsOption(metric: MetricComparison, runIds: readonly string[]): EChartsOption {
  return {
    ...baseOption(metric.goal ? `${metric.name} (${metric.goal === 'max' ? 'higher' : 'lower'} is better)` : metric.name),
    grid: { left: 56, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: runIds.map(runLabel) },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        type: 'bar',
        name: metric.name,
        data: metric.values.map((value, i) => ({
          value: value ?? '-',
          itemStyle: { color: i === metric.best ? BEST_COLOUR : runColour(i) },
        })),
        label: { show: true, position: 'top', formatter: ({ value }) => (typeof value === 'number' ? String(Number(value.toPrecision(4))) : '') },
      },
    ],
  };
}

/** Every ROC curve of every run on one chart, with the chance diagonal. */
export function rocOption(curves: readonly ClassificationCurves[], runIds: readonly string[]): EChartsOption {
  const series = curves.flatMap((c) =>
    c.rocCurves.map((curve) => {
      const index = runIds.indexOf(c.runId);
      return {
        type: 'line' as const,
        name: `${runLabel(c.runId)} ${c.nodeId}${c.rocCurves.length > 1 ? ` ${curve.class}` : ''} (AUC ${curve.auc.toFixed(3)})`,
        showSymbol: false,
        lineStyle: { width: 2, color: runColour(index) },
        itemStyle: { color: runColour(index) },
        data: curve.points.map((p) => [p.fpr, p.tpr]),
      };
    }),
  );
  return {
    ...baseOption('ROC curves'),
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'false positive rate', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', min: 0, max: 1, name: 'true positive rate', nameLocation: 'middle', nameGap: 32 },
    series: [
      ...series,
      { type: 'line', name: 'chance', showSymbol: false, lineStyle: { type: 'dashed', color: '#999' }, data: [[0, 0], [1, 1]], tooltip: { show: false } },
    ],
  };
}

/** One run's confusion matrix as a heatmap (rows: actual, columns: predicted), counts written in the cells. */
export function confusionOption(curves: ClassificationCurves): EChartsOption | null {
  const cm = curves.confusionMatrix;
  if (!cm) return null;
  const cells = cm.matrix.flatMap((row, actual) => row.map((count, predicted) => [predicted, actual, count]));
  const max = Math.max(1, ...cells.map((c) => c[2]!));
  return {
    ...baseOption(`Confusion matrix — ${runLabel(curves.runId)} ${curves.nodeId}`),
    grid: { left: 80, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: cm.labels, name: 'predicted', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: cm.labels, name: 'actual', nameLocation: 'middle', nameGap: 64, inverse: true },
    visualMap: { show: false, min: 0, max, inRange: { color: ['#f3f6fc', '#3b6fd8'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: true } }],
  };
}

/** Per-node durations (seconds) or peak memory (MiB) of every run, grouped by node. */
export function nodeResourceOption(nodes: readonly NodeComparison[], runIds: readonly string[], measure: 'duration' | 'memory'): EChartsOption {
  const value = (node: NodeComparison, i: number) => {
    const raw = measure === 'duration' ? node.durationMs[i] : node.peakRssBytes[i];
    if (raw === null || raw === undefined) return '-';
    return measure === 'duration' ? raw / 1000 : raw / (1024 * 1024);
  };
  return {
    ...baseOption(measure === 'duration' ? 'Node durations (s)' : 'Node peak memory (MiB)'),
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 96, right: 24, top: 36, bottom: 40 },
    yAxis: { type: 'category', data: nodes.map((n) => n.nodeId), inverse: true },
    xAxis: { type: 'value' },
    series: runIds.map((runId, i) => ({
      type: 'bar' as const,
      name: runLabel(runId),
      itemStyle: { color: runColour(i) },
      data: nodes.map((n) => value(n, i)),
    })),
  };
}

/** Every chart of a comparison with a stable key, in reading order (the report renders exactly this list). */
/** A metric's series in every run (and node) as overlaid lines, coloured by run: loss curves side by side. */
export function seriesComparisonOption(series: SeriesComparison, runIds: readonly string[]): EChartsOption {
  const severalNodes = new Set(series.lines.map((l) => l.nodeId)).size > 1;
  return {
    ...baseOption(`${series.metric} by step`),
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 22, minInterval: 1, scale: true },
    yAxis: { type: 'value', scale: true, name: series.metric },
    tooltip: { trigger: 'axis' },
    series: series.lines.map((line) => ({
      type: 'line',
      name: severalNodes ? `${runLabel(line.runId)} · ${line.nodeId}` : runLabel(line.runId),
      showSymbol: line.points.length <= 50,
      sampling: 'lttb',
      color: runColour(runIds.indexOf(line.runId)),
      data: line.points.map((p) => [p.step, p.value]),
    })),
  };
}

/** The comparison's charts: a bar chart per score (counts such as rows or a port stay in the table), then the rest. */
export function comparisonCharts(comparison: RunComparison): { key: string; option: EChartsOption; height: number }[] {
  const runIds = comparison.runs.map((r) => r.id);
  const charts: { key: string; option: EChartsOption; height: number }[] = comparison.metrics.filter((m) => m.goal !== null).map((m) => ({
    key: `metric-${m.name}`,
    option: metricBarsOption(m, runIds),
    height: 220,
  }));
  for (const series of comparison.series) charts.push({ key: `series-${series.metric}`, option: seriesComparisonOption(series, runIds), height: 260 });
  if (comparison.curves.some((c) => c.rocCurves.length > 0)) charts.push({ key: 'roc', option: rocOption(comparison.curves, runIds), height: 360 });
  for (const curves of comparison.curves) {
    const option = confusionOption(curves);
    if (option) charts.push({ key: `confusion-${curves.runId}-${curves.nodeId}`, option, height: 280 });
  }
  const nodeHeight = Math.max(160, 60 + comparison.nodes.length * 14 * Math.max(1, runIds.length));
  charts.push({ key: 'durations', option: nodeResourceOption(comparison.nodes, runIds, 'duration'), height: nodeHeight });
  if (comparison.nodes.some((n) => n.peakRssBytes.some((b) => b !== null))) {
    charts.push({ key: 'memory', option: nodeResourceOption(comparison.nodes, runIds, 'memory'), height: nodeHeight });
  }
  return charts;
}
