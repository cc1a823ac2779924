// `data.clean`: drops or imputes missing values, then drops duplicate rows.
import { mean, median, modeFast } from 'simple-statistics';
import type { z } from 'zod';
import type { dataClean } from '../../shared/nodes/data.clean';
import { summarizeColumn } from '../ml/column-types';
import { columnIndex, parseColumnList, type Table } from '../ml/table';
import { isMissing, toCategory, toNumber } from '../ml/values';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, readInputTable, writeOutputTable } from './node-io';

type Params = z.output<typeof dataClean.params>;

/** The value that replaces missing cells of one column. */
function fillFor(table: Table, index: number, params: Params): string {
  const summary = summarizeColumn(table, index);
  const present = table.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
  if (present.length === 0) throw new NodeError(`column "${summary.name}" has no values at all; nothing to impute from — drop the column first`);
  if (summary.type === 'number') {
    const numbers = present.map((v) => toNumber(v)!);
    const value = params.numericStrategy === 'mean' ? mean(numbers) : params.numericStrategy === 'median' ? median(numbers) : 0;
    return String(value);
  }
  return params.categoryStrategy === 'constant' ? params.fillValue : modeFast(present.map(toCategory));
}

export const dataCleanNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const table = readInputTable(ctx);
    const named = parseColumnList(params.columns);
    const indexes = named.length > 0 ? named.map((c) => columnIndex(table, c)) : table.columns.map((_, i) => i);
    let rows = table.rows;
    let imputed = 0;
    if (params.missing === 'drop-rows') {
      rows = rows.filter((row) => indexes.every((i) => !isMissing(row[i] ?? '')));
    } else if (params.missing === 'impute') {
      const fills = new Map(indexes.map((i) => [i, fillFor(table, i, params)]));
      rows = rows.map((row) =>
        row.map((value, i) => {
          if (!fills.has(i) || !isMissing(value)) return value;
          imputed++;
          return fills.get(i)!;
        }),
      );
    }
    const afterMissing = rows.length;
    if (params.dropDuplicates) {
      const seen = new Set<string>();
      rows = rows.filter((row) => {
        const key = JSON.stringify(row);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    if (rows.length === 0) throw new NodeError(`no rows left after cleaning (all ${table.rows.length} rows had a missing value) — try missing: impute`);
    writeOutputTable(ctx, 'dataset', { columns: table.columns, rows });
    const dropped = table.rows.length - afterMissing;
    const duplicates = afterMissing - rows.length;
    log(`${table.rows.length} rows in, ${rows.length} out: ${dropped} dropped for missing values, ${imputed} values imputed, ${duplicates} duplicates dropped`);
    ctx.reportMetric('rows', rows.length);
    ctx.reportMetric('rows_dropped', dropped + duplicates);
    ctx.reportMetric('values_imputed', imputed);
  },
};
