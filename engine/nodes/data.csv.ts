// `data.csv`: reads a local CSV/TSV file, checks declared types, selects columns, writes the dataset.
import { summarizeColumns } from '../ml/column-types';
import { readTable } from '../ml/csv-io';
import { columnIndex, parseColumnList, rowNumber, selectColumns, type Table } from '../ml/table';
import { isMissing, toNumber } from '../ml/values';
import type { dataCsv } from '../../shared/nodes/data.csv';
import type { z } from 'zod';
import { NodeError, type NodeImplementation } from './node-implementation';
import { log, paramPath, writeOutputTable } from './node-io';

type Params = z.output<typeof dataCsv.params>;

function checkDeclaredTypes(table: Table, types: Params['types']): void {
  for (const [column, type] of Object.entries(types)) {
    const index = columnIndex(table, column, 'typed column');
    if (type !== 'number') continue;
    table.rows.forEach((row, i) => {
      const value = row[index] ?? '';
      if (!isMissing(value) && toNumber(value) === undefined) {
        throw new NodeError(`column "${column}" row ${rowNumber(i)}: "${value}" is not a number (declared type: number)`);
      }
    });
  }
}

export const dataCsvNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const path = paramPath(ctx, params.path);
    let table = readTable(path, { delimiter: params.delimiter, header: params.header });
    const columns = parseColumnList(params.columns);
    if (columns.length > 0) table = selectColumns(table, columns);
    checkDeclaredTypes(table, params.types);
    log(`read ${table.rows.length} rows × ${table.columns.length} columns from ${path}`);
    for (const summary of summarizeColumns(table)) {
      const type = params.types[summary.name] ?? summary.type;
      log(`  ${summary.name}: ${type}${summary.missing > 0 ? `, ${summary.missing} missing` : ''}`);
    }
    writeOutputTable(ctx, 'dataset', table);
    ctx.reportMetric('rows', table.rows.length);
    ctx.reportMetric('columns', table.columns.length);
  },
};
