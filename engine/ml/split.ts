// Seeded train/test/validation splitting (random-js's Mersenne Twister), optionally stratified by a column.
import { MersenneTwister19937, Random } from 'random-js';
import { NodeError } from '../nodes/node-implementation';

export interface SplitOptions {
  testSize: number;
  validationSize: number;
  seed: number;
  shuffle: boolean;
  /** One value per row; each part keeps their proportions. */
  strata?: readonly string[];
}

export interface SplitParts {
  train: number[];
  test: number[];
  validation: number[];
}

/**
 * Row indexes of each part. Sizes round like scikit-learn's train_test_split (test = ceil(n × testSize)); a stratified
 * split allocates each stratum's test rows by largest remainder, so the totals still match.
 */
export function splitIndexes(rowCount: number, options: SplitOptions): SplitParts {
  const random = new Random(MersenneTwister19937.seed(options.seed));
  const testCount = Math.ceil(rowCount * options.testSize);
  const validationCount = Math.ceil(rowCount * options.validationSize);
  if (rowCount - testCount - validationCount < 1 || testCount < 1) {
    throw new NodeError(`cannot split ${rowCount} rows with testSize ${options.testSize} and validationSize ${options.validationSize}: a part would be empty`);
  }
  const order = Array.from({ length: rowCount }, (_, i) => i);
  if (options.shuffle) random.shuffle(order);
  const groups = new Map<string, number[]>();
  for (const row of order) {
    const key = options.strata?.[row] ?? '';
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const testShare = allocate(groups, testCount);
  const validationShare = allocate(groups, validationCount);
  const parts: SplitParts = { train: [], test: [], validation: [] };
  // Test rows come from the end of each group, so an unshuffled split keeps the latest rows for testing (time order).
  for (const [key, rows] of groups) {
    const t = testShare.get(key)!;
    const v = Math.min(validationShare.get(key)!, rows.length - t);
    parts.test.push(...rows.slice(rows.length - t));
    parts.validation.push(...rows.slice(rows.length - t - v, rows.length - t));
    parts.train.push(...rows.slice(0, rows.length - t - v));
  }
  if (parts.train.length === 0) throw new NodeError('the split left no rows to train on');
  // Each part keeps the input's row order: easier to read and diff.
  for (const part of [parts.train, parts.test, parts.validation]) part.sort((a, b) => a - b);
  return parts;
}

/** Splits `total` over groups in proportion to their size (largest remainder method). */
function allocate(groups: Map<string, number[]>, total: number): Map<string, number> {
  const rows = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const exact = [...groups].map(([key, g]) => ({ key, exact: (g.length * total) / rows }));
  const shares = new Map(exact.map((e) => [e.key, Math.floor(e.exact)]));
  let left = total - [...shares.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    shares.set(e.key, shares.get(e.key)! + 1);
  }
  return shares;
}
