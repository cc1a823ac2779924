// The faster split search must build exactly the trees ml-cart builds by itself: same splits, same thresholds, same
// leaves. Only the stored gain may differ in its last bits (running counts vs. the library's summed shares).
import { DecisionTreeClassifier, DecisionTreeRegression } from 'ml-cart';
import { RandomForestClassifier } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { installFastSplitSearch } from '../../../engine/ml/estimators/fast-split-search';
import { readCsv, dataset } from './node-harness';

function load(name: 'iris' | 'wine' | 'breast-cancer' | 'diabetes'): { X: number[][]; y: number[] } {
  const rows = readCsv(dataset(name)).slice(1);
  const labels = [...new Set(rows.map((r) => r.at(-1)!))].sort();
  const y = rows.map((r) => (name === 'diabetes' ? Number(r.at(-1)) : labels.indexOf(r.at(-1)!)));
  return { X: rows.map((r) => r.slice(0, -1).map(Number)), y };
}

/** The model as JSON with each node's informational `gain` to 10 significant digits (they differ in the last bits). */
function canonical(model: unknown): string {
  return JSON.stringify(model, (key, value: unknown) => (key === 'gain' && typeof value === 'number' ? Number(value.toPrecision(10)) : value));
}

const CASES = [
  ['iris', () => new DecisionTreeClassifier({ gainThreshold: 0, minNumSamples: 1 })],
  ['wine', () => new DecisionTreeClassifier({ gainThreshold: 0, minNumSamples: 1 })],
  ['breast-cancer', () => new DecisionTreeClassifier({ gainThreshold: 0, minNumSamples: 1, maxDepth: 6 })],
  ['diabetes', () => new DecisionTreeRegression({ minNumSamples: 20, maxDepth: 5 })],
] as const;

describe('fast split search', () => {
  it('builds the same trees and forests as ml-cart’s own search', () => {
    const fit = () =>
      CASES.map(([name, make]) => {
        const { X, y } = load(name);
        const tree = make();
        tree.train(X, y);
        return canonical(tree.toJSON());
      });
    const forest = () => {
      const { X, y } = load('wine');
      const model = new RandomForestClassifier({ nEstimators: 5, maxFeatures: 9, replacement: false, useSampleBagging: true, noOOB: true, seed: 3 });
      model.train(X, y);
      return canonical(model.toJSON());
    };
    const before = [...fit(), forest()];
    installFastSplitSearch();
    const after = [...fit(), forest()];
    after.forEach((json, i) => expect(json, CASES[i]?.[0] ?? 'forest').toBe(before[i]));
  });
});
