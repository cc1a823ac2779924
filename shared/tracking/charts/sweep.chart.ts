// Chart option of a sweep: parallel coordinates, one axis per swept parameter plus the chosen metric, one line per
// run coloured by the metric; the best run (by that metric) drawn thick in gold.
import type { EChartsOption } from 'echarts';
import type { SweepRecord } from '../experiment-records';
import { baseOption, BEST_COLOUR } from './chart-style';

export function sweepParallelOption(sweep: SweepRecord, metric: string, bestRunId: string | null = sweep.bestRunId): EChartsOption {
  const params = sweep.spec.axes.map((a) => a.name);
  const done = sweep.runs.filter((r) => r.runId && r.metrics[metric] !== undefined);
  const values = done.map((r) => r.metrics[metric]!);
  const categorical = params.map((name) => sweep.runs.some((r) => typeof r.params[name] !== 'number'));
  const axes = [...params, metric].map((name, dim) => ({
    dim,
    name,
    ...(categorical[dim] ? { type: 'category' as const, data: [...new Set(sweep.runs.map((r) => String(r.params[name])))] } : { scale: true }),
  }));
  const line = (r: (typeof done)[number]): (string | number)[] => [
    ...params.map((p, i) => (categorical[i] ? String(r.params[p]) : Number(r.params[p]))),
    r.metrics[metric]!,
  ];
  const best = done.find((r) => r.runId === bestRunId);
  return {
    ...baseOption(`${metric} by ${params.join(', ')}`),
    parallelAxis: axes,
    // Room under the title for the axis names, which sit above the axes.
    parallel: { left: 48, right: 72, top: 72, bottom: 32 },
    visualMap: values.length > 0
      ? { show: false, dimension: params.length, min: Math.min(...values), max: Math.max(...values), inRange: { color: ['#c6d4f2', '#3b6fd8'] }, seriesIndex: 0 }
      : undefined,
    series: [
      { type: 'parallel', name: 'runs', lineStyle: { width: 2, opacity: 0.8 }, data: done.map(line) },
      ...(best ? [{ type: 'parallel' as const, name: 'best run', lineStyle: { width: 5, color: BEST_COLOUR, opacity: 1 }, data: [line(best)] }] : []),
    ],
  };
}
