// Chart option of a metric's history across runs of a pipeline: x = run start time or pipeline revision; for a score,
// the best value so far as a step line and regressions marked in red (a count has neither).
import type { EChartsOption } from 'echarts';
import type { MetricHistory } from '../experiment-records';
import { baseOption, REGRESSION_COLOUR, runLabel } from './chart-style';

export type HistoryAxis = 'time' | 'revision';

export function historyOption(history: MetricHistory, axis: HistoryAxis): EChartsOption {
  const x = (p: MetricHistory['points'][number]) => (axis === 'time' ? p.startedAt : (p.revision ?? 0));
  const { goal } = history;
  const best: [string | number, number][] = [];
  let current: number | null = null;
  for (const p of goal ? history.points : []) {
    current = current === null ? p.value : goal === 'max' ? Math.max(current, p.value) : Math.min(current, p.value);
    best.push([x(p), current]);
  }
  const judged: EChartsOption['series'] = [
    { type: 'line', name: 'best so far', step: 'end', showSymbol: false, lineStyle: { type: 'dashed', color: '#999' }, itemStyle: { color: '#999' }, data: best },
    {
      type: 'scatter',
      name: 'regression',
      itemStyle: { color: REGRESSION_COLOUR },
      symbol: 'triangle',
      symbolSize: 14,
      data: history.points.filter((p) => p.regression).map((p) => ({ value: [x(p), p.value], name: runLabel(p.runId) })),
    },
  ];
  return {
    ...baseOption(`${history.metric} — ${history.pipelineName}`),
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 56 },
    xAxis: axis === 'time' ? { type: 'time' } : { type: 'value', name: 'revision', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'value', scale: true, name: history.metric },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'line',
        name: history.metric,
        data: history.points.map((p) => ({
          value: [x(p), p.value],
          name: runLabel(p.runId),
          symbolSize: p.regression ? 12 : 6,
          itemStyle: p.regression ? { color: REGRESSION_COLOUR } : {},
        })),
      },
      ...(goal ? judged : []),
    ],
  };
}
