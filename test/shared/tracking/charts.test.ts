// Chart options built from comparison, history and sweep data: which series exist, the best run in gold, metric series
// overlaid by run, regressions marked — and that ECharts accepts every option (rendered headless to SVG).
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, EChartsOption, LineSeriesOption, ParallelSeriesOption } from 'echarts';
import { BEST_COLOUR, REGRESSION_COLOUR, RUN_COLOURS } from '../../../shared/tracking/charts/chart-style';
import { comparisonCharts, metricBarsOption, seriesComparisonOption } from '../../../shared/tracking/charts/comparison.charts';
import { echarts } from '../../../shared/tracking/charts/echarts-setup';
import { historyOption } from '../../../shared/tracking/charts/history.chart';
import { sweepParallelOption } from '../../../shared/tracking/charts/sweep.chart';
import type { MetricHistory, RunComparison, SweepRecord } from '../../../shared/tracking/experiment-records';

const row = (id: string) => ({ id, pipelineName: 'p', pipelineId: null, pipelineRevision: 1, status: 'succeeded' as const, trigger: 'cli' as const, startedAt: '2026-01-01T00:00:00Z', durationMs: 10, error: null, params: {}, metrics: {}, tags: {}, note: '', hidden: false, sweepId: null });

const comparison: RunComparison = {
  runs: [row('run-a'), row('run-b')],
  params: [{ name: 'k', values: [3, 5], differs: true }],
  metrics: [
    { name: 'accuracy', goal: 'max', values: [0.9, 0.95], deltas: [0, 0.05], differs: true, best: 1 },
    { name: 'train_rows', goal: null, values: [400, 300], deltas: [0, -100], differs: true, best: null },
  ],
  nodes: [{ nodeId: 'train', status: ['succeeded', 'succeeded'], durationMs: [1000, 2000], peakRssBytes: [null, 50 * 1024 * 1024], cached: [false, false] }],
  curves: [
    { runId: 'run-a', nodeId: 'evaluate', rocCurves: [{ class: 'M', auc: 0.9, points: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] }], confusionMatrix: { labels: ['B', 'M'], matrix: [[5, 1], [2, 4]] } },
  ],
  series: [
    {
      metric: 'loss',
      lines: [
        { runId: 'run-a', nodeId: 'train', points: [{ step: 0, value: 1 }, { step: 1, value: 0.5 }] },
        { runId: 'run-b', nodeId: 'train', points: [{ step: 0, value: 0.9 }, { step: 1, value: 0.3 }, { step: 2, value: 0.2 }] },
      ],
    },
  ],
  revisionDiffs: [],
  primaryMetric: 'accuracy',
  bestRunId: 'run-b',
};

function renders(option: EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('comparison charts', () => {
  it('lists one chart per score (not per count), ROC, confusion matrices, durations and memory — all renderable', () => {
    const charts = comparisonCharts(comparison);
    expect(charts.map((c) => c.key)).toEqual(['metric-accuracy', 'series-loss', 'roc', 'confusion-run-a-evaluate', 'durations', 'memory']);
    for (const chart of charts) expect(renders(chart.option)).toMatch(/^<svg /);
  });

  it('overlays a metric series of every run, one colour per run, naming the node only when several wrote it', () => {
    const lines = seriesComparisonOption(comparison.series[0]!, ['run-a', 'run-b']).series as LineSeriesOption[];
    expect(lines.map((l) => [l.name, l.color, l.data])).toEqual([
      ['run-a', RUN_COLOURS[0], [[0, 1], [1, 0.5]]],
      ['run-b', RUN_COLOURS[1], [[0, 0.9], [1, 0.3], [2, 0.2]]],
    ]);
    const twoNodes = { metric: 'loss', lines: [...comparison.series[0]!.lines, { runId: 'run-a', nodeId: 'finetune', points: [{ step: 0, value: 2 }] }] };
    expect((seriesComparisonOption(twoNodes, ['run-a', 'run-b']).series as LineSeriesOption[]).map((l) => l.name)).toEqual(['run-a · train', 'run-b · train', 'run-a · finetune']);
  });

  it('paints the best run gold', () => {
    const series = metricBarsOption(comparison.metrics[0]!, ['run-a', 'run-b']).series as BarSeriesOption[];
    const colours = (series[0]!.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color);
    expect(colours[1]).toBe(BEST_COLOUR);
    expect(colours[0]).not.toBe(BEST_COLOUR);
    expect((metricBarsOption(comparison.metrics[0]!, ['run-a', 'run-b']).title as { text: string }).text).toBe('accuracy (higher is better)');
    // A count has no goal: its title says nothing of better.
    expect((metricBarsOption(comparison.metrics[1]!, ['run-a', 'run-b']).title as { text: string }).text).toBe('train_rows');
  });
});

describe('history and sweep charts', () => {
  it('marks regressions and draws the best-so-far line', () => {
    const history: MetricHistory = {
      pipelineName: 'p',
      metric: 'accuracy',
      goal: 'max',
      points: [
        { runId: 'r1', startedAt: '2026-01-01T00:00:00Z', revision: 1, value: 0.9, regression: false, bestBefore: null },
        { runId: 'r2', startedAt: '2026-01-02T00:00:00Z', revision: 2, value: 0.8, regression: true, bestBefore: 0.9 },
      ],
    };
    const series = historyOption(history, 'revision').series as LineSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(['accuracy', 'best so far', 'regression']);
    expect(series[1]!.data).toEqual([[1, 0.9], [2, 0.9]]);
    expect((series[2]!.data as unknown[]).length).toBe(1);
    expect((series[2] as { itemStyle: { color: string } }).itemStyle.color).toBe(REGRESSION_COLOUR);
    expect(renders(historyOption(history, 'time'))).toMatch(/^<svg /);
    // A count's history is only its values: no best so far, no regressions.
    const counts: MetricHistory = { ...history, metric: 'train_rows', goal: null, points: history.points.map((p) => ({ ...p, regression: false, bestBefore: null })) };
    expect((historyOption(counts, 'revision').series as LineSeriesOption[]).map((s) => s.name)).toEqual(['train_rows']);
  });

  it('draws one parallel line per finished run and the best one again in gold', () => {
    const sweep = {
      spec: { mode: 'grid', axes: [{ name: 'k', values: [1, 2] }, { name: 'kind', values: ['a', 'b'] }] },
      bestRunId: 'r2',
      runs: [
        { position: 0, params: { k: 1, kind: 'a' }, runId: 'r1', status: 'succeeded', metrics: { accuracy: 0.8 } },
        { position: 1, params: { k: 2, kind: 'b' }, runId: 'r2', status: 'succeeded', metrics: { accuracy: 0.9 } },
        { position: 2, params: { k: 3, kind: 'b' }, runId: null, status: 'pending', metrics: {} },
      ],
    } as unknown as SweepRecord;
    const option = sweepParallelOption(sweep, 'accuracy');
    const series = option.series as ParallelSeriesOption[];
    expect(series[0]!.data).toEqual([[1, 'a', 0.8], [2, 'b', 0.9]]);
    expect(series[1]!.data).toEqual([[2, 'b', 0.9]]);
    expect((series[1]!.lineStyle as { color: string }).color).toBe(BEST_COLOUR);
    expect(renders(option)).toMatch(/^<svg /);
  });
});
