// One ECharts chart (SVG renderer) for an option object from shared/tracking/charts — the same objects the HTML
// report renders on the server. Resizes with its box; disposed on unmount.
import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { echarts } from '../../../shared/tracking/charts/echarts-setup';

export function EChart({ option, height, label, testId }: { option: EChartsOption; height: number; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    const instance = echarts.init(box.current!, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}
