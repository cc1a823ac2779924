// Per-column statistics and histograms of a dataset (the data.profile report).
import { max, mean, min, quantile, standardDeviation } from 'simple-statistics';
import { summarizeColumns, type ColumnType } from './column-types';
import { histogram, type Histogram } from './histogram';
import type { Table } from './table';
import { isMissing, toCategory, toNumber } from './values';

/** One column of a profile. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  count: number;
  missing: number;
  distinct: number;
  /** Number columns. */
  mean?: number;
  std?: number;
  min?: number;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number;
  histogram?: Histogram;
  /** Category columns: the most frequent values, most frequent first. */
  top?: { value: string; count: number }[];
}

export interface TableProfile {
  rows: number;
  columns: ColumnProfile[];
}

export function profileTable(table: Table, options: { bins: number; topValues: number }): TableProfile {
  const columns = summarizeColumns(table).map((summary, index): ColumnProfile => {
    const present = table.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
    const base = { name: summary.name, type: summary.type, count: summary.count, missing: summary.missing, distinct: new Set(present.map(toCategory)).size };
    if (present.length === 0) return base;
    if (summary.type === 'number') {
      const numbers = present.map((v) => toNumber(v)!);
      const [q1, median, q3] = quantile(numbers, [0.25, 0.5, 0.75]) as number[];
      return {
        ...base,
        mean: mean(numbers),
        std: numbers.length > 1 ? standardDeviation(numbers) : 0,
        min: min(numbers),
        q1: q1!,
        median: median!,
        q3: q3!,
        max: max(numbers),
        histogram: histogram(numbers, options.bins),
      };
    }
    const counts = new Map<string, number>();
    for (const v of present.map(toCategory)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, options.topValues);
    return { ...base, top: top.map(([value, count]) => ({ value, count })) };
  });
  return { rows: table.rows.length, columns };
}
