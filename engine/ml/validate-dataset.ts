// Checks a dataset against a schema and reports every violation with the column and first offending rows.
import { max, min } from 'simple-statistics';
import { summarizeColumn, summarizeColumns, type ColumnType } from './column-types';
import type { ColumnRule, DatasetSchema } from './dataset-schema';
import { rowNumber, type Table } from './table';
import { isMissing, toCategory, toNumber } from './values';

/** One broken rule. */
export interface Violation {
  rule: 'rows' | 'required' | 'extra-column' | 'type' | 'missing' | 'min' | 'max' | 'allowed';
  column?: string;
  message: string;
  /** How many rows break it, and the first few (1-based). */
  count?: number;
  rows?: number[];
}

/** Per-column facts of the validated dataset. */
export interface ColumnFacts {
  name: string;
  type: ColumnType;
  missingRatio: number;
  min?: number;
  max?: number;
  distinct: number;
}

export interface ValidationReport {
  valid: boolean;
  rows: number;
  schemaSource: 'declared' | 'reference' | 'inferred';
  columns: ColumnFacts[];
  violations: Violation[];
}

const FIRST_ROWS = 5;

export function validateDataset(table: Table, schema: DatasetSchema, defaults: { minRows: number; maxMissingRatio: number }): Violation[] {
  const violations: Violation[] = [];
  const minRows = schema.minRows ?? defaults.minRows;
  if (table.rows.length < minRows) violations.push({ rule: 'rows', message: `the dataset has ${table.rows.length} rows; at least ${minRows} are required` });
  if (schema.maxRows !== undefined && table.rows.length > schema.maxRows) {
    violations.push({ rule: 'rows', message: `the dataset has ${table.rows.length} rows; at most ${schema.maxRows} are allowed` });
  }
  for (const [name, rule] of Object.entries(schema.columns)) {
    const index = table.columns.indexOf(name);
    if (index < 0) {
      if (rule.required) violations.push({ rule: 'required', column: name, message: `column "${name}" is missing` });
      continue;
    }
    violations.push(...checkColumn(table, index, rule, defaults.maxMissingRatio));
  }
  if (!schema.allowExtraColumns) {
    for (const name of table.columns.filter((c) => !(c in schema.columns))) {
      violations.push({ rule: 'extra-column', column: name, message: `column "${name}" is not in the schema` });
    }
  }
  // Columns the schema does not mention still must not be mostly numbers with stray text, or mostly missing.
  table.columns.forEach((name, index) => {
    if (!(name in schema.columns)) violations.push(...checkColumn(table, index, { required: true }, defaults.maxMissingRatio));
  });
  return violations;
}

function checkColumn(table: Table, index: number, rule: ColumnRule, defaultMissing: number): Violation[] {
  const name = table.columns[index]!;
  const summary = summarizeColumn(table, index);
  const out: Violation[] = [];
  const ratio = summary.missing / Math.max(1, summary.count);
  const allowedMissing = rule.maxMissingRatio ?? defaultMissing;
  if (ratio > allowedMissing) {
    const rows = matching(table, index, (v) => isMissing(v));
    out.push({ rule: 'missing', column: name, ...rows, message: `column "${name}" is ${(ratio * 100).toFixed(1)} % missing (at most ${(allowedMissing * 100).toFixed(1)} % allowed), first at row ${rows.rows[0]}` });
  }
  const wantsNumber = rule.type === 'number' || (rule.type === undefined && summary.firstNonNumber !== undefined);
  if (wantsNumber) {
    const rows = matching(table, index, (v) => !isMissing(v) && toNumber(v) === undefined);
    if (rows.count > 0) {
      const first = table.rows[rows.rows[0]! - 1]![index];
      out.push({ rule: 'type', column: name, ...rows, message: `column "${name}" row ${rows.rows[0]}: "${first}" is not a number (${rows.count} such rows)` });
    }
  }
  if (rule.min !== undefined || rule.max !== undefined) out.push(...checkRange(table, index, rule));
  if (rule.allowed) {
    const allowed = new Set(rule.allowed);
    const rows = matching(table, index, (v) => !isMissing(v) && !allowed.has(toCategory(v)));
    if (rows.count > 0) {
      const first = toCategory(table.rows[rows.rows[0]! - 1]![index]!);
      out.push({ rule: 'allowed', column: name, ...rows, message: `column "${name}" row ${rows.rows[0]}: "${first}" is not an allowed value (${rows.count} such rows)` });
    }
  }
  return out;
}

function checkRange(table: Table, index: number, rule: ColumnRule): Violation[] {
  const name = table.columns[index]!;
  const out: Violation[] = [];
  for (const bound of ['min', 'max'] as const) {
    const limit = rule[bound];
    if (limit === undefined) continue;
    const breaks = (v: string) => {
      const n = toNumber(v);
      return n !== undefined && (bound === 'min' ? n < limit : n > limit);
    };
    const rows = matching(table, index, breaks);
    if (rows.count === 0) continue;
    const first = table.rows[rows.rows[0]! - 1]![index];
    out.push({ rule: bound, column: name, ...rows, message: `column "${name}" row ${rows.rows[0]}: ${first} is ${bound === 'min' ? 'below the minimum' : 'above the maximum'} ${limit} (${rows.count} such rows)` });
  }
  return out;
}

function matching(table: Table, index: number, test: (value: string) => boolean): { count: number; rows: number[] } {
  const rows: number[] = [];
  let count = 0;
  table.rows.forEach((row, i) => {
    if (!test(row[index] ?? '')) return;
    count++;
    if (rows.length < FIRST_ROWS) rows.push(rowNumber(i));
  });
  return { count, rows };
}

/** Per-column facts for the report. */
export function columnFacts(table: Table): ColumnFacts[] {
  return summarizeColumns(table).map((summary, index) => {
    const values = table.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
    const numbers = summary.type === 'number' ? values.map((v) => toNumber(v)!) : [];
    return {
      name: summary.name,
      type: summary.type,
      missingRatio: summary.missing / Math.max(1, summary.count),
      ...(numbers.length > 0 ? { min: min(numbers), max: max(numbers) } : {}),
      distinct: new Set(values.map(toCategory)).size,
    };
  });
}
