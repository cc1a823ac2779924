// Param fields several ML node types share (same name, same meaning everywhere: names are API).
import { z } from 'zod';

/** `target`: the label column every train.* and evaluate.* node has. */
export const targetParam = (fallback: string) =>
  z.string().default('').describe(`The label column to predict. Empty: ${fallback}.`).meta({ ui: { kind: 'column' } });

/** `features`: which columns the model reads. */
export const featuresParam = z
  .string()
  .default('')
  .describe('Comma-separated feature columns. Empty: every column except the target.');

/** `categorical`: number columns that are really codes (zip codes, ids of a small set). */
export const categoricalParam = z
  .string()
  .default('')
  .describe('Comma-separated columns to one-hot encode even though they hold numbers. Text columns are always one-hot encoded.');

/** `task` for algorithms that can classify and regress. */
export const taskParam = z
  .enum(['auto', 'classification', 'regression'])
  .default('auto')
  .describe('What to predict. auto: regression when the target is numeric with fractions or more than 20 distinct values, else classification.');

/** `seed`: makes a run reproducible. */
export const seedParam = z.number().int().min(0).max(2 ** 31 - 1).default(42).describe('Random seed: the same seed and data give the same result.');

/** `maxDepth` of decision trees. */
export const maxDepthParam = z.number().int().min(0).default(0).describe('Deepest level a tree may grow to. 0: no limit.');

/** `minSamplesSplit` of decision trees. */
export const minSamplesSplitParam = z
  .number()
  .int()
  .min(2)
  .default(2)
  .describe('A node with fewer rows than this is not split further (scikit-learn’s min_samples_split).');

/** The ports of both evaluate.* nodes. */
export const evaluatePorts = {
  inputs: [
    { id: 'model', type: 'model', label: 'Model' },
    { id: 'dataset', type: 'dataset', label: 'Test data' },
  ],
  outputs: [
    { id: 'metrics', type: 'metrics', label: 'Metrics' },
    { id: 'predictions', type: 'dataset', label: 'Predictions' },
  ],
} as const;
