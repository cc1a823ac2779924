// The in-memory dataset every data/train/evaluate node works on: a header and rows of raw CSV text values.
import { NodeError } from '../nodes/node-implementation';

/** A dataset as read from CSV: values stay text until a node decides how to read them (no lossy re-formatting). */
export interface Table {
  columns: string[];
  rows: string[][];
}

/** Index of `column`, or a NodeError that lists the columns there are (typos are the usual cause). */
export function columnIndex(table: Table, column: string, role = 'column'): number {
  const index = table.columns.indexOf(column);
  if (index < 0) throw new NodeError(`${role} "${column}" is not in the dataset (columns: ${describeColumns(table.columns)})`);
  return index;
}

/** Every value of one column, in row order. */
export function columnValues(table: Table, column: string): string[] {
  const index = columnIndex(table, column);
  return table.rows.map((row) => row[index] ?? '');
}

/** A new table with only `columns`, in that order. */
export function selectColumns(table: Table, columns: readonly string[]): Table {
  const indexes = columns.map((c) => columnIndex(table, c));
  return { columns: [...columns], rows: table.rows.map((row) => indexes.map((i) => row[i] ?? '')) };
}

/** A new table with the rows at `indexes`, in that order. */
export function takeRows(table: Table, indexes: readonly number[]): Table {
  return { columns: [...table.columns], rows: indexes.map((i) => table.rows[i]!) };
}

/** Splits a comma-separated list param (`"a, b"` → `["a","b"]`); empty entries are dropped. */
export function parseColumnList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** `a, b, c, … (12 more)`: a column list short enough for a one-line error. */
export function describeColumns(columns: readonly string[], max = 12): string {
  const shown = columns.slice(0, max).map((c) => `"${c}"`).join(', ');
  return columns.length > max ? `${shown}, … (${columns.length - max} more)` : shown;
}

/** The 1-based row number users see for a data row (the header is not counted). */
export function rowNumber(index: number): number {
  return index + 1;
}
