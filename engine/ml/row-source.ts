// Uniform read access to rows that come from a CSV table or from JSON (a POST /predict body).
import type { Table } from './table';
import type { RawValue } from './values';

/** Rows a model can read features from; `where(row)` names a row in error messages. */
export interface RowSource {
  readonly length: number;
  has(column: string): boolean;
  value(row: number, column: string): RawValue;
  where(row: number): string;
}

/** Rows of a CSV table ("row 7" = the 7th data row). */
export function tableRows(table: Table): RowSource {
  const index = new Map(table.columns.map((c, i) => [c, i]));
  return {
    length: table.rows.length,
    has: (column) => index.has(column),
    value: (row, column) => table.rows[row]![index.get(column)!],
    where: (row) => `row ${row + 1}`,
  };
}

/** Rows given as JSON objects ("row 1 of the request"). */
export function objectRows(rows: readonly Record<string, RawValue>[]): RowSource {
  return {
    length: rows.length,
    has: (column) => rows.every((row) => Object.prototype.hasOwnProperty.call(row, column)),
    value: (row, column) => rows[row]![column],
    where: (row) => `row ${row + 1} of the request`,
  };
}
