// `data.transform`: select/drop/rename columns, scale number columns, one-hot encode category columns.
import { max, mean, min, standardDeviation } from 'simple-statistics';
import type { z } from 'zod';
import type { dataTransform } from '../../shared/nodes/data.transform';
import { summarizeColumns } from '../ml/column-types';
import { columnIndex, parseColumnList, selectColumns, type Table } from '../ml/table';
import { isMissing, toCategory, toNumber } from '../ml/values';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, readInputTable, writeOutputTable } from './node-io';

type Params = z.output<typeof dataTransform.params>;

function rename(table: Table, names: Record<string, string>): Table {
  for (const old of Object.keys(names)) columnIndex(table, old, 'column to rename');
  const columns = table.columns.map((c) => names[c] ?? c);
  const clash = columns.find((c, i) => columns.indexOf(c) !== i);
  if (clash) throw new NodeError(`renaming would create two columns named "${clash}"`);
  return { columns, rows: table.rows };
}

/** Scales the chosen number columns in place; missing values stay missing. */
function scale(table: Table, columns: string[], how: 'standard' | 'minmax'): void {
  for (const column of columns) {
    const index = columnIndex(table, column, 'column to scale');
    const numbers = table.rows.map((row) => toNumber(row[index]!)).filter((n): n is number => n !== undefined);
    if (numbers.length === 0) continue;
    const [offset, divisor] = how === 'standard' ? [mean(numbers), standardDeviation(numbers)] : [min(numbers), max(numbers) - min(numbers)];
    for (const row of table.rows) {
      const n = toNumber(row[index]!);
      if (n !== undefined) row[index] = String((n - offset) / (divisor || 1));
    }
  }
}

/** Replaces each category column by one 0/1 column per value (`color=red`); missing values give all zeros. */
function oneHot(table: Table, columns: string[]): Table {
  let result = table;
  for (const column of columns) {
    const index = columnIndex(result, column, 'column to one-hot encode');
    const values = [...new Set(result.rows.map((row) => row[index]!).filter((v) => !isMissing(v)).map(toCategory))].sort();
    const names = values.map((v) => `${column}=${v}`);
    result = {
      columns: [...result.columns.slice(0, index), ...names, ...result.columns.slice(index + 1)],
      rows: result.rows.map((row) => {
        const value = isMissing(row[index]!) ? undefined : toCategory(row[index]!);
        return [...row.slice(0, index), ...values.map((v) => (v === value ? '1' : '0')), ...row.slice(index + 1)];
      }),
    };
  }
  return result;
}

export const dataTransformNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    let table = readInputTable(ctx);
    const select = parseColumnList(params.select);
    if (select.length > 0) table = selectColumns(table, select);
    const drop = new Set(parseColumnList(params.drop));
    for (const column of drop) columnIndex(table, column, 'column to drop');
    if (drop.size > 0) table = selectColumns(table, table.columns.filter((c) => !drop.has(c)));
    table = rename(table, params.rename);
    const exclude = new Set(parseColumnList(params.exclude));
    const types = new Map(summarizeColumns(table).map((s) => [s.name, s.type]));
    const byType = (type: 'number' | 'category') => table.columns.filter((c) => types.get(c) === type && !exclude.has(c));
    if (params.scale !== 'none') {
      const chosen = parseColumnList(params.scaleColumns);
      const columns = chosen.length > 0 ? chosen : byType('number');
      const text = columns.find((c) => types.get(c) === 'category');
      if (text) throw new NodeError(`column "${text}" is not a number column, so it cannot be scaled`);
      scale(table, columns, params.scale);
      log(`scaled (${params.scale}): ${columns.join(', ') || 'no columns'}`);
    }
    const encode = params.oneHot.trim() === '*' ? byType('category') : parseColumnList(params.oneHot);
    if (encode.length > 0) {
      table = oneHot(table, encode);
      log(`one-hot encoded: ${encode.join(', ')}`);
    }
    writeOutputTable(ctx, 'dataset', table);
    log(`${table.rows.length} rows × ${table.columns.length} columns: ${table.columns.join(', ')}`);
    ctx.reportMetric('columns', table.columns.length);
  },
};
