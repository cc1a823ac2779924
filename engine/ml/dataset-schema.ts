// The declared dataset schema data.validate checks against: its JSON form, and inference from a reference dataset.
import { max, min } from 'simple-statistics';
import { z } from 'zod';
import { NodeError } from '../nodes/node-implementation';
import { summarizeColumns } from './column-types';
import type { Table } from './table';
import { isMissing, toCategory, toNumber } from './values';

const columnRuleSchema = z
  .object({
    type: z.enum(['number', 'category']).optional(),
    required: z.boolean().default(true),
    min: z.number().optional(),
    max: z.number().optional(),
    maxMissingRatio: z.number().min(0).max(1).optional(),
    allowed: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  })
  .strict();

export const datasetSchemaSchema = z
  .object({
    minRows: z.number().int().min(0).optional(),
    maxRows: z.number().int().min(0).optional(),
    allowExtraColumns: z.boolean().default(true),
    columns: z.record(z.string(), columnRuleSchema).default({}),
  })
  .strict();

/** A declared (or inferred) dataset schema. */
export type DatasetSchema = z.output<typeof datasetSchemaSchema>;
export type ColumnRule = DatasetSchema['columns'][string];

/** Parses the `schema` param; bad JSON or unknown keys are one-line errors with the path. */
export function parseDatasetSchema(text: string): DatasetSchema {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NodeError(`the schema param is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = datasetSchemaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NodeError(`the schema param is invalid at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Categories are listed as allowed values only when there are few of them (beyond that, new values are normal). */
const MAX_INFERRED_CATEGORIES = 50;

/** Inferred ranges are widened by this share of the reference range on each side: new data rarely hits the exact extremes. */
const RANGE_MARGIN = 0.1;

/** The schema a reference dataset implies: its columns, types, ranges and (few) categories. */
export function inferDatasetSchema(reference: Table, maxMissingRatio: number): DatasetSchema {
  const columns: Record<string, ColumnRule> = {};
  summarizeColumns(reference).forEach((summary, index) => {
    const values = reference.rows.map((row) => row[index] ?? '').filter((v) => !isMissing(v));
    const rule: ColumnRule = { type: summary.type, required: true, maxMissingRatio: Math.max(maxMissingRatio, summary.missing / summary.count) };
    if (summary.type === 'number' && values.length > 0) {
      const numbers = values.map((v) => toNumber(v)!);
      const [low, high] = [min(numbers), max(numbers)];
      const margin = (high - low) * RANGE_MARGIN;
      Object.assign(rule, { min: low - margin, max: high + margin });
    } else {
      const categories = [...new Set(values.map(toCategory))];
      if (categories.length <= MAX_INFERRED_CATEGORIES) rule.allowed = categories.sort();
    }
    columns[summary.name] = rule;
  });
  return { allowExtraColumns: false, columns };
}
