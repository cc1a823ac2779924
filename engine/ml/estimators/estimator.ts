// The contract between the train/evaluate nodes and the ML libraries: fit on numbers, predict, serialise, reload.
import type { Preprocessing } from '../feature-schema';
import type { Task } from '../target';

/** Built-in algorithms; the `train.<algorithm>` node ids. */
export type Algorithm = 'logistic-regression' | 'linear-regression' | 'decision-tree' | 'random-forest' | 'knn' | 'naive-bayes';

/** A fitted model on encoded features. Classifiers work with class indices (0 … classCount − 1). */
export interface Estimator {
  /** Class index per row (classification) or the predicted value (regression). */
  predict(X: number[][]): number[];
  /** Per row, the probability of each class (classification only). */
  predictProba?(X: number[][]): number[][];
  /** Plain JSON stored in model.json; `load` rebuilds the same estimator from it. */
  toJSON(): unknown;
}

export interface FitInfo {
  task: Task;
  /** Number of classes (classification); 0 for regression. */
  classCount: number;
}

/** One algorithm: which library backs it, what it needs, how to fit and reload it. */
export interface EstimatorKind<P> {
  algorithm: Algorithm;
  /** The npm package doing the maths (shown in docs/ml-nodes.md and stored in model.json). */
  library: string;
  tasks: readonly Task[];
  preprocessing: Preprocessing;
  fit(X: number[][], y: number[], params: P, info: FitInfo): Estimator;
  load(json: unknown, info: FitInfo): Estimator;
}

/** Index of the largest value (first one on a tie, as scikit-learn's argmax). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Per-row class shares of `votes` (one class index per voter). */
export function voteShares(votes: readonly number[], classCount: number): number[] {
  const shares = new Array<number>(classCount).fill(0);
  for (const vote of votes) shares[vote]! += 1 / votes.length;
  return shares;
}
