// Renders an ECharts option to an SVG string on the server (ECharts' SSR mode): the HTML report's charts, with no
// script and no external file.
import type { EChartsOption } from 'echarts';
import { echarts } from '../../shared/tracking/charts/echarts-setup';

export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
