// Reads the target (label) column: class labels for classifiers, numbers for regressors, with one-line errors.
import { NodeError } from '../nodes/node-implementation';
import { columnIndex, rowNumber, type Table } from './table';
import { isMissing, toCategory, toNumber } from './values';

export type Task = 'classification' | 'regression';

/** The target column: the named one, or the last column when `target` is empty. */
export function resolveTarget(table: Table, target: string): string {
  if (target === '') return table.columns.at(-1)!;
  columnIndex(table, target, 'target column');
  return target;
}

/** Classes in a stable order: numerically when every label is a number, else alphabetically. */
export function sortClasses(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  const numeric = unique.every((l) => toNumber(l) !== undefined);
  return numeric ? unique.sort((a, b) => toNumber(a)! - toNumber(b)!) : unique.sort();
}

/** The label column's values as text; a missing label is an error naming the row. */
export function readLabels(table: Table, target: string): string[] {
  const index = columnIndex(table, target, 'target column');
  return table.rows.map((row, i) => {
    const value = row[index] ?? '';
    if (isMissing(value)) throw new NodeError(`target column "${target}" row ${rowNumber(i)} has no label — drop unlabelled rows with data.clean`);
    return toCategory(value);
  });
}

/** Classes of a training set; fewer than two is an error (nothing to learn). */
export function fitClasses(labels: readonly string[], target: string): string[] {
  const classes = sortClasses(labels);
  if (classes.length < 2) {
    throw new NodeError(
      `target column "${target}" has a single class ("${classes[0]}") in all ${labels.length} rows — a classifier needs at least two classes`,
    );
  }
  return classes;
}

/** Label → class index; a label the model never saw is an error naming the row. */
export function encodeLabels(labels: readonly string[], classes: readonly string[], target: string): number[] {
  const index = new Map(classes.map((c, i) => [c, i]));
  return labels.map((label, i) => {
    const encoded = index.get(label);
    if (encoded === undefined) {
      throw new NodeError(`target column "${target}" row ${rowNumber(i)}: class "${label}" was not seen in training (classes: ${classes.join(', ')})`);
    }
    return encoded;
  });
}

/** The target as numbers, for regression; text or missing values are errors naming the row. */
export function readNumericTarget(table: Table, target: string): number[] {
  const index = columnIndex(table, target, 'target column');
  return table.rows.map((row, i) => {
    const value = row[index] ?? '';
    if (isMissing(value)) throw new NodeError(`target column "${target}" row ${rowNumber(i)} has no value — drop those rows with data.clean`);
    const number = toNumber(value);
    if (number === undefined) throw new NodeError(`target column "${target}" row ${rowNumber(i)}: "${value}" is not a number (regression needs a numeric target)`);
    return number;
  });
}

/**
 * `auto` task: regression when the target is numeric with many distinct values or any fraction, else classification.
 * Returns the reason too, so the node can log why.
 */
export function inferTask(table: Table, target: string): { task: Task; reason: string } {
  const index = columnIndex(table, target, 'target column');
  const values = table.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
  const numbers = values.map((v) => toNumber(v));
  const distinct = new Set(values.map(toCategory)).size;
  if (numbers.some((n) => n === undefined)) return { task: 'classification', reason: `target "${target}" holds text labels` };
  const fractional = numbers.some((n) => !Number.isInteger(n));
  if (fractional || distinct > 20) {
    return { task: 'regression', reason: `target "${target}" is numeric with ${distinct} distinct values${fractional ? ', some fractional' : ''}` };
  }
  return { task: 'classification', reason: `target "${target}" is whole numbers with only ${distinct} distinct values` };
}
