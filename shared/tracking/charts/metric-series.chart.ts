// Chart option of one metric's series within a node of a run (loss per epoch): x = step, y = value, one line
// (thinned with LTTB when long, so a 10,000-point series redraws quickly while it grows).
import type { EChartsOption } from 'echarts';
import type { MetricPoint } from '../../runs/metrics-file';
import { baseOption, runColour } from './chart-style';

export function metricSeriesOption(name: string, points: readonly MetricPoint[]): EChartsOption {
  return {
    ...baseOption(name),
    grid: { left: 56, right: 16, top: 30, bottom: 28 },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 20, minInterval: 1, scale: true },
    yAxis: { type: 'value', scale: true },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'line', name, showSymbol: points.length <= 50, sampling: 'lttb', color: runColour(0), data: points.map((p) => [p.step, p.value]) }],
  };
}
