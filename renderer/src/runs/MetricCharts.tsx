// A node's metric series as line charts (step → value), redrawn as points arrive while the node runs.
import { useMemo } from 'react';
import type { MetricPoint } from '../../../shared/runs/metrics-file';
import { metricSeriesOption } from '../../../shared/tracking/charts/metric-series.chart';
import { EChart } from '../components/EChart';

export function MetricCharts({ series }: { series: Readonly<Record<string, readonly MetricPoint[]>> | undefined }) {
  // A single value is no curve: the table above shows it.
  const drawn = Object.entries(series ?? {}).filter(([, points]) => points.length > 1);
  if (drawn.length === 0) return null;
  return (
    <div className="metric-charts" data-testid="metric-charts">
      {drawn.map(([name, points]) => (
        <MetricChart key={name} name={name} points={points} />
      ))}
    </div>
  );
}

function MetricChart({ name, points }: { name: string; points: readonly MetricPoint[] }) {
  const option = useMemo(() => metricSeriesOption(name, points), [name, points]);
  return <EChart option={option} height={180} label={`${name} by step: ${points.length} points, last ${points.at(-1)!.value}`} testId={`metric-chart-${name}`} />;
}
