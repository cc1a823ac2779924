// The feature schema and preprocessing a model stores, so it turns raw rows (CSV or JSON) into numbers by itself.
import { max, mean, min, standardDeviation } from 'simple-statistics';
import { NodeError } from '../nodes/node-implementation';
import { summarizeColumn } from './column-types';
import type { RowSource } from './row-source';
import { columnIndex, rowNumber, type Table } from './table';
import { isMissing, toCategory, toNumber } from './values';

/** One input column of a model: a number (with the statistics scaling uses) or a category (one-hot encoded). */
export type FeatureSpec =
  | { name: string; kind: 'number'; mean: number; std: number; min: number; max: number }
  | { name: string; kind: 'category'; categories: string[] };

/** How numbers are prepared before the algorithm sees them. */
export interface Preprocessing {
  /** `standard`: (x − mean) / std with the training statistics; `none`: as is. */
  scale: 'none' | 'standard';
}

/** Beyond this many distinct values a text column is almost surely an id, and one-hot encoding it would explode. */
const MAX_CATEGORIES = 200;

/** Learns the schema of `columns` from training data; missing values and stray text in number columns are errors. */
export function fitFeatures(table: Table, columns: readonly string[], forceCategory: ReadonlySet<string> = new Set()): FeatureSpec[] {
  return columns.map((name) => {
    const index = columnIndex(table, name, 'feature column');
    const summary = summarizeColumn(table, index);
    if (summary.firstMissingRow !== undefined) throw missingValue(name, `row ${rowNumber(summary.firstMissingRow)}`);
    if (summary.firstNonNumber && !forceCategory.has(name)) {
      throw notANumber(name, `row ${rowNumber(summary.firstNonNumber.row)}`, summary.firstNonNumber.value, true);
    }
    const values = table.rows.map((row) => row[index]!);
    if (summary.type === 'number' && !forceCategory.has(name)) {
      const numbers = values.map((v) => toNumber(v)!);
      return { name, kind: 'number', mean: mean(numbers), std: standardDeviation(numbers), min: min(numbers), max: max(numbers) };
    }
    const categories = [...new Set(values.map(toCategory))].sort();
    if (categories.length > MAX_CATEGORIES) {
      throw new NodeError(
        `feature column "${name}" has ${categories.length} distinct text values — it looks like an id or free text; leave it out of "features"`,
      );
    }
    return { name, kind: 'category', categories };
  });
}

export interface EncodedRows {
  X: number[][];
  /** Category values never seen in training, per column (encoded as all zeros, like scikit-learn's `handle_unknown='ignore'`). */
  unknownCategories: Record<string, number>;
}

/** Turns rows into the numeric matrix the model was trained on. Missing columns, missing values and stray text are errors. */
export function encodeRows(source: RowSource, features: readonly FeatureSpec[], preprocessing: Preprocessing): EncodedRows {
  for (const feature of features) {
    if (!source.has(feature.name)) throw new NodeError(`feature column "${feature.name}" is missing (the model was trained with it)`);
  }
  const unknownCategories: Record<string, number> = {};
  const categoryIndex = features.map((f) => (f.kind === 'category' ? new Map(f.categories.map((c, i) => [c, i])) : undefined));
  const X: number[][] = [];
  for (let row = 0; row < source.length; row++) {
    const vector: number[] = [];
    features.forEach((feature, f) => {
      const raw = source.value(row, feature.name);
      if (isMissing(raw)) throw missingValue(feature.name, source.where(row));
      if (feature.kind === 'number') {
        const value = toNumber(raw);
        if (value === undefined) throw notANumber(feature.name, source.where(row), String(raw), false);
        vector.push(preprocessing.scale === 'standard' ? (value - feature.mean) / (feature.std || 1) : value);
        return;
      }
      const hot = categoryIndex[f]!.get(toCategory(raw));
      if (hot === undefined) unknownCategories[feature.name] = (unknownCategories[feature.name] ?? 0) + 1;
      for (let c = 0; c < feature.categories.length; c++) vector.push(c === hot ? 1 : 0);
    });
    X.push(vector);
  }
  return { X, unknownCategories };
}

function missingValue(column: string, where: string): NodeError {
  return new NodeError(
    `feature column "${column}" ${where} is missing a value (empty or NaN) — add a data.clean node to drop or impute missing values`,
  );
}

function notANumber(column: string, where: string, value: string, training: boolean): NodeError {
  const hint = training ? ' (the column\'s other values are numbers) — fix the value or list the column in "categorical"' : ' (the model expects a number)';
  return new NodeError(`feature column "${column}" ${where}: "${value}" is not a number${hint}`);
}
