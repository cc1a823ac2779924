// Charts of one node's report in the run view: a regression's predicted-against-actual scatter and residual
// histogram (the classification charts are the comparison's, drawn for one run).
import type { EChartsOption } from 'echarts';
import type { HistogramData, RegressionCharts } from '../regression-report';
import { baseOption, runColour } from './chart-style';

/** Predicted against actual values, with the diagonal a perfect model would lie on. */
export function predictedActualOption(points: RegressionCharts['points']): EChartsOption {
  const values = points.flatMap((p) => [p.actual, p.predicted]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return {
    ...baseOption(`Predicted against actual (${points.length} rows)`),
    grid: { left: 56, right: 16, top: 36, bottom: 44 },
    xAxis: { type: 'value', name: 'actual', nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', name: 'predicted', nameLocation: 'middle', nameGap: 40, scale: true },
    series: [
      { type: 'scatter', name: 'rows', symbolSize: 5, itemStyle: { color: runColour(0), opacity: 0.7 }, data: points.map((p) => [p.actual, p.predicted]) },
      { type: 'line', name: 'perfect', showSymbol: false, lineStyle: { type: 'dashed', color: '#999' }, data: [[low, low], [high, high]], tooltip: { show: false } },
    ],
  };
}

/** How far off the predictions are: the residual histogram's bars, each named by the range it counts (its tooltip). */
export function residualsOption(histogram: HistogramData): EChartsOption {
  const label = (i: number) => `${formatEdge(histogram.edges[i]!)} – ${formatEdge(histogram.edges[i + 1]!)}`;
  return {
    ...baseOption('Residuals'),
    grid: { left: 48, right: 16, top: 36, bottom: 44 },
    xAxis: {
      type: 'category',
      data: histogram.counts.map((_, i) => label(i)),
      // Each bar is named by its range (the tooltip); the axis shows where the bars begin.
      axisLabel: { formatter: (range: string) => range.split(' – ')[0]! },
      name: 'residual (actual − predicted)',
      nameLocation: 'middle',
      nameGap: 26,
    },
    yAxis: { type: 'value', name: 'rows', nameLocation: 'middle', nameGap: 32 },
    series: [{ type: 'bar', name: 'rows', barCategoryGap: '4%', itemStyle: { color: runColour(0) }, data: histogram.counts }],
  };
}

function formatEdge(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
