// `data.label`: adds a label column, joined from a labels dataset by key or derived with a comparison rule.
import type { z } from 'zod';
import type { dataLabel } from '../../shared/nodes/data.label';
import { readTable } from '../ml/csv-io';
import { columnIndex, rowNumber, type Table } from '../ml/table';
import { isMissing, toCategory, toNumber } from '../ml/values';
import { NodeError, type NodeImplementation } from './node-implementation';
import { inputPath, log, readInputTable, writeOutputTable } from './node-io';

type Params = z.output<typeof dataLabel.params>;

/** Evaluates `value <operator> ruleValue`; numbers compare numerically when both sides are numbers. */
export function ruleHolds(value: string, operator: Params['operator'], ruleValue: string): boolean {
  if (operator === 'contains') return value.includes(ruleValue);
  const [a, b] = [toNumber(value), toNumber(ruleValue)];
  const numeric = a !== undefined && b !== undefined;
  const cmp = numeric ? a - b : toCategory(value).localeCompare(toCategory(ruleValue));
  switch (operator) {
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '==': return numeric ? cmp === 0 : toCategory(value) === toCategory(ruleValue);
    case '!=': return numeric ? cmp !== 0 : toCategory(value) !== toCategory(ruleValue);
  }
}

function byRule(table: Table, params: Params): Table {
  if (!params.column) throw new NodeError('rule mode needs "column": the column the rule reads');
  const index = columnIndex(table, params.column, 'rule column');
  const rows = table.rows.map((row, i) => {
    const value = row[index] ?? '';
    if (isMissing(value)) throw new NodeError(`column "${params.column}" row ${rowNumber(i)} is missing; the rule cannot label it — clean the data first`);
    return [...row, ruleHolds(value, params.operator, params.value) ? params.whenTrue : params.whenFalse];
  });
  return { columns: [...table.columns, params.labelColumn], rows };
}

function byJoin(table: Table, labels: Table, params: Params): Table {
  const key = columnIndex(table, params.key, 'key column');
  const labelKey = columnIndex(labels, params.key, 'key column of the labels dataset');
  const labelValue = columnIndex(labels, params.labelColumn, 'label column of the labels dataset');
  const lookup = new Map<string, string>();
  labels.rows.forEach((row, i) => {
    const k = toCategory(row[labelKey] ?? '');
    if (lookup.has(k)) throw new NodeError(`the labels dataset has key "${k}" twice (second time at row ${rowNumber(i)}); keys must be unique`);
    lookup.set(k, row[labelValue] ?? '');
  });
  const rows: string[][] = [];
  table.rows.forEach((row, i) => {
    const label = lookup.get(toCategory(row[key] ?? ''));
    if (label !== undefined) return rows.push([...row, label]);
    if (params.unmatched === 'fail') throw new NodeError(`row ${rowNumber(i)} (key "${row[key]}") has no label in the labels dataset`);
    if (params.unmatched === 'empty') rows.push([...row, '']);
  });
  if (rows.length === 0) throw new NodeError(`no row's "${params.key}" matches a key in the labels dataset`);
  log(`joined labels on "${params.key}": ${rows.length} of ${table.rows.length} rows labelled${params.unmatched === 'drop' ? ', the rest dropped' : ''}`);
  return { columns: [...table.columns, params.labelColumn], rows };
}

export const dataLabelNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const table = readInputTable(ctx);
    if (table.columns.includes(params.labelColumn)) throw new NodeError(`the dataset already has a column "${params.labelColumn}"; choose another labelColumn`);
    const labelled = params.mode === 'join' ? byJoin(table, readTable(inputPath(ctx, 'labels')), params) : byRule(table, params);
    writeOutputTable(ctx, 'dataset', labelled);
    const counts = new Map<string, number>();
    for (const row of labelled.rows) counts.set(row.at(-1)!, (counts.get(row.at(-1)!) ?? 0) + 1);
    log(`label "${params.labelColumn}": ${[...counts].map(([v, n]) => `${v || '(empty)'} × ${n}`).join(', ')}`);
    ctx.reportMetric('rows', labelled.rows.length);
  },
};
