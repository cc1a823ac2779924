// Reads and writes datasets as CSV (DESIGN §4: a dataset is CSV with a header row), with one-line errors on bad files.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { NodeError } from '../nodes/node-implementation';
import type { Table } from './table';

/** Field separators `data.csv` accepts; `auto` sniffs the first line (and `.tsv` means tab). */
export const DELIMITERS = ['auto', ',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ReadOptions {
  delimiter?: Delimiter;
  /** The first row holds the column names (default true); without one, columns are named col1, col2, … */
  header?: boolean;
}

/** Reads a CSV/TSV file into a Table. Empty files, ragged rows, bad quotes and duplicate names are NodeErrors. */
export function readTable(path: string, options: ReadOptions = {}): Table {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NodeError(code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseTable(text, basename(path), { ...options, delimiter: resolveDelimiter(options.delimiter ?? 'auto', path, text) });
}

/** Parses CSV text; `name` is used in error messages. */
export function parseTable(text: string, name: string, options: ReadOptions = {}): Table {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new NodeError(`${name} is empty — expected a header row and at least one data row`);
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    if (error instanceof CsvError) throw new NodeError(`${name}: ${error.message}`);
    throw error;
  }
  const header = options.header ?? true;
  const columns = header ? records[0]!.map((c) => c.trim()) : records[0]!.map((_, i) => `col${i + 1}`);
  const rows = header ? records.slice(1) : records;
  checkColumnNames(columns, name);
  if (rows.length === 0) throw new NodeError(`${name} has a header row but no data rows`);
  return { columns, rows };
}

/** Writes a Table as comma-separated CSV with a header row. */
export function writeTable(path: string, table: Table): void {
  writeFileSync(path, stringify([table.columns, ...table.rows], { record_delimiter: '\n' }));
}

function checkColumnNames(columns: string[], name: string): void {
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    if (column === '') throw new NodeError(`${name}: column ${i + 1} of the header has no name`);
    const earlier = seen.get(column);
    if (earlier !== undefined) throw new NodeError(`${name}: column name "${column}" appears twice (columns ${earlier + 1} and ${i + 1})`);
    seen.set(column, i);
  });
}

function resolveDelimiter(delimiter: Delimiter, path: string, text: string): Exclude<Delimiter, 'auto'> {
  if (delimiter !== 'auto') return delimiter;
  return extname(path).toLowerCase() === '.tsv' ? '\t' : sniffDelimiter(text);
}

/** The candidate separator that occurs most often, outside quotes, in the first line (comma on a tie or none). */
export function sniffDelimiter(text: string): Exclude<Delimiter, 'auto'> {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const candidates = [',', ';', '\t', '|'] as const;
  let best: Exclude<Delimiter, 'auto'> = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}
