// Display helpers for the models view: metric values, times, hashes.

// Metric and param text is shared with the Experiments view, the CLI and HTML reports.
export { formatMetricDelta as formatDelta, formatMetricValue as formatMetric, formatParamValue as formatValue } from '../../../shared/tracking/value-format';

/** Local date and time without seconds. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The first 8 characters of a content hash. */
export function shortHash(hash: string | undefined): string {
  return hash ? hash.slice(0, 8) : '—';
}

/** The metrics worth a column in the versions table: those most versions have, in a fixed preferred order. */
export function metricColumns(metricNames: readonly string[][], max = 4): string[] {
  const preferred = ['accuracy', 'f1_macro', 'roc_auc', 'log_loss', 'r2', 'rmse', 'mae'];
  const counts = new Map<string, number>();
  for (const names of metricNames) for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.keys()]
    .sort((a, b) => rank(a, preferred) - rank(b, preferred) || counts.get(b)! - counts.get(a)! || a.localeCompare(b))
    .slice(0, max);
}

function rank(name: string, preferred: string[]): number {
  const i = preferred.indexOf(name);
  return i < 0 ? preferred.length : i;
}
