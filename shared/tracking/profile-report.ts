// The columns of a dataset profile (data.profile's `report` artifact) as the run view shows them, read defensively
// from a file a node wrote.
import { histogramOf, type HistogramData } from './regression-report';

export interface ProfiledColumn {
  name: string;
  type: string;
  /** Rows, missing values included. */
  count: number;
  missing: number;
  distinct: number;
  /** Number columns. */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
  histogram?: HistogramData;
  /** Category columns: the most frequent values, most frequent first. */
  top?: { value: string; count: number }[];
}

export interface ProfileView {
  rows: number;
  columns: ProfiledColumn[];
}

const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function columnOf(value: unknown): ProfiledColumn | null {
  if (value === null || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c['name'] !== 'string' || typeof c['type'] !== 'string') return null;
  const column: ProfiledColumn = { name: c['name'], type: c['type'], count: number(c['count']) ?? 0, missing: number(c['missing']) ?? 0, distinct: number(c['distinct']) ?? 0 };
  for (const key of ['mean', 'median', 'min', 'max'] as const) {
    const figure = number(c[key]);
    if (figure !== undefined) column[key] = figure;
  }
  const histogram = histogramOf(c['histogram']);
  if (histogram) column.histogram = histogram;
  if (Array.isArray(c['top'])) {
    column.top = c['top'].filter((t): t is { value: string; count: number } => typeof t?.value === 'string' && typeof t?.count === 'number');
  }
  return column;
}

/** The profile a report holds (`rows` and a list of named, typed columns), or null. */
export function profileOf(report: unknown): ProfileView | null {
  if (report === null || typeof report !== 'object') return null;
  const { rows, columns } = report as { rows?: unknown; columns?: unknown };
  if (typeof rows !== 'number' || !Array.isArray(columns) || columns.length === 0) return null;
  const read = columns.map(columnOf);
  return read.every((c): c is ProfiledColumn => c !== null) ? { rows, columns: read } : null;
}
