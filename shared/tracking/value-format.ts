// Text for metric values, deltas and param values, shared by the experiments view, the CLI and HTML reports.

/** 4 significant digits, as people read metrics; integers stay integers; — when missing. */
export function formatMetricValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** A signed difference, or — when either side is missing. */
export function formatMetricDelta(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : ''}${formatMetricValue(delta)}`;
}

/** A param value as text (JSON for anything but a string); — when missing. */
export function formatParamValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Tags as `key=value` (or just `key` for a label), sorted by key. */
export function formatTags(tags: Record<string, string>): string[] {
  return Object.keys(tags)
    .sort()
    .map((key) => (tags[key] === '' ? key : `${key}=${tags[key]}`));
}
