// Infers each column's type (number or category) and summarises what a typed reading of it would run into.
import { isMissing, toNumber } from './values';
import type { Table } from './table';

export type ColumnType = 'number' | 'category';

/** What one pass over a column found. Row indexes are 0-based data rows. */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  count: number;
  missing: number;
  /** Non-missing values that are numbers. */
  numeric: number;
  /** First non-missing value that is not a number, when the column is mostly numeric ("a non-number in a number column"). */
  firstNonNumber?: { row: number; value: string };
  firstMissingRow?: number;
}

/**
 * A column is numeric when every non-missing value is a number. One that is mostly numbers (≥ 80 %) but not all is
 * still typed `category`, with `firstNonNumber` set, so nodes can report the offending cell instead of silently
 * treating a typo as a category.
 */
export function summarizeColumn(table: Table, column: number): ColumnSummary {
  let missing = 0;
  let numeric = 0;
  let firstMissingRow: number | undefined;
  let firstNonNumber: ColumnSummary['firstNonNumber'];
  table.rows.forEach((row, i) => {
    const value = row[column] ?? '';
    if (isMissing(value)) {
      missing++;
      firstMissingRow ??= i;
    } else if (toNumber(value) !== undefined) numeric++;
    else firstNonNumber ??= { row: i, value };
  });
  const present = table.rows.length - missing;
  const type: ColumnType = present > 0 && numeric === present ? 'number' : 'category';
  const mostlyNumeric = present > 0 && numeric < present && numeric / present >= 0.8;
  return {
    name: table.columns[column]!,
    type,
    count: table.rows.length,
    missing,
    numeric,
    ...(mostlyNumeric && firstNonNumber ? { firstNonNumber } : {}),
    ...(firstMissingRow !== undefined ? { firstMissingRow } : {}),
  };
}

/** Summaries of every column, in order. */
export function summarizeColumns(table: Table): ColumnSummary[] {
  return table.columns.map((_, i) => summarizeColumn(table, i));
}
