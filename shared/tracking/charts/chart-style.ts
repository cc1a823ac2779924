// Colours and small helpers every chart shares, so a run has the same colour in every chart of a view or report.
import type { EChartsOption } from 'echarts';

/** One colour per compared run, in order (ECharts' default palette, which reads well on white). */
export const RUN_COLOURS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554'];
export const BEST_COLOUR = '#d4a017';
export const REGRESSION_COLOUR = '#c23b3b';

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length]!;
}

/** Options every chart gets: no animation (reports are static, tests read final frames), readable text. */
export function baseOption(title: string): EChartsOption {
  return {
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontWeight: 600 } },
    textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif' },
    tooltip: {},
  };
}

/** A short label for a run in legends and axes: the last 6 characters of its id (ids end in random hex). */
export function runLabel(runId: string): string {
  return runId.length > 8 ? `…${runId.slice(-6)}` : runId;
}
