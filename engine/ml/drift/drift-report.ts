// Compares each column of a current dataset with a reference: PSI plus a KS (numbers) or chi-square (categories) test.
import { summarizeColumn } from '../column-types';
import { columnIndex, type Table } from '../table';
import { isMissing, toCategory, toNumber } from '../values';
import { binCounts, chiSquareHomogeneity, ksTwoSample, psi, quantileEdges } from './drift-tests';

export interface ColumnDrift {
  column: string;
  type: 'number' | 'category';
  psi: number;
  test: 'ks' | 'chi-square';
  statistic: number;
  pValue: number;
  drifted: boolean;
  /** Why it counts as drifted (or not), for logs and the report. */
  reason: string;
}

export interface DriftReport {
  drifted: boolean;
  driftedColumns: number;
  columnsCompared: number;
  driftShare: number;
  thresholds: { psi: number; pValue: number; driftShare: number };
  referenceRows: number;
  currentRows: number;
  columns: ColumnDrift[];
}

export interface DriftOptions {
  columns: string[];
  psiThreshold: number;
  pValue: number;
  bins: number;
  driftShare: number;
}

/** At most one bin per 10 rows of the smaller sample (at least 2): fewer rows per bin make PSI mostly noise. */
export function psiBins(wanted: number, referenceRows: number, currentRows: number): number {
  return Math.max(2, Math.min(wanted, Math.floor(Math.min(referenceRows, currentRows) / 10)));
}

function present(table: Table, column: string): string[] {
  const index = columnIndex(table, column);
  return table.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
}

function compareColumn(reference: Table, current: Table, column: string, options: DriftOptions): ColumnDrift {
  const ref = present(reference, column);
  const cur = present(current, column);
  const numeric = summarizeColumn(reference, columnIndex(reference, column)).type === 'number' && cur.every((v) => toNumber(v) !== undefined);
  let result: Omit<ColumnDrift, 'drifted' | 'reason'>;
  if (numeric) {
    const [r, c] = [ref.map((v) => toNumber(v)!), cur.map((v) => toNumber(v)!)];
    const edges = quantileEdges(r, psiBins(options.bins, r.length, c.length));
    const ks = ksTwoSample(r, c);
    result = { column, type: 'number', psi: psi(binCounts(r, edges), binCounts(c, edges)), test: 'ks', ...ks };
  } else {
    const count = (values: string[]) => values.reduce((m, v) => m.set(toCategory(v), (m.get(toCategory(v)) ?? 0) + 1), new Map<string, number>());
    const [r, c] = [count(ref), count(cur)];
    const categories = [...new Set([...r.keys(), ...c.keys()])];
    const chi = chiSquareHomogeneity(r, c);
    result = { column, type: 'category', psi: psi(categories.map((k) => r.get(k) ?? 0), categories.map((k) => c.get(k) ?? 0)), test: 'chi-square', statistic: chi.statistic, pValue: chi.pValue };
  }
  const overPsi = result.psi > options.psiThreshold;
  const significant = result.pValue < options.pValue;
  const reason = overPsi || significant
    ? [overPsi && `PSI ${result.psi.toFixed(3)} > ${options.psiThreshold}`, significant && `${result.test} p = ${result.pValue.toExponential(2)} < ${options.pValue}`].filter(Boolean).join(', ')
    : `PSI ${result.psi.toFixed(3)}, ${result.test} p = ${result.pValue.toFixed(3)}`;
  return { ...result, drifted: overPsi || significant, reason };
}

export function driftReport(reference: Table, current: Table, options: DriftOptions): DriftReport {
  const columns = options.columns.map((column) => compareColumn(reference, current, column, options));
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? 0 : driftedColumns / columns.length;
  return {
    drifted: share >= options.driftShare,
    driftedColumns,
    columnsCompared: columns.length,
    driftShare: share,
    thresholds: { psi: options.psiThreshold, pValue: options.pValue, driftShare: options.driftShare },
    referenceRows: reference.rows.length,
    currentRows: current.rows.length,
    columns,
  };
}
