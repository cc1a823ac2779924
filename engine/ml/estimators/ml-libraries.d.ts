// Type declarations for the ml.js packages that ship none (only the parts Pipewright calls).
declare module 'ml-cart' {
  import type { Matrix } from 'ml-matrix';
  interface TreeOptions {
    gainFunction?: 'gini' | 'regression';
    minNumSamples?: number;
    maxDepth?: number;
    gainThreshold?: number;
  }
  interface TreeNode {
    classify(row: number[]): Matrix | number;
  }
  export class DecisionTreeClassifier {
    constructor(options: TreeOptions);
    root: TreeNode;
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
    toJSON(): unknown;
    static load(model: unknown): DecisionTreeClassifier;
  }
  export class DecisionTreeRegression {
    constructor(options: TreeOptions);
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
    toJSON(): unknown;
    static load(model: unknown): DecisionTreeRegression;
  }
}

declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  interface TwoClassModel {
    testScores(X: Matrix): number[];
  }
  export default class LogisticRegression {
    constructor(options: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassModel[];
    train(X: Matrix, y: Matrix): void;
    predict(X: Matrix): number[];
    toJSON(): unknown;
    static load(model: unknown): LogisticRegression;
  }
}

declare module 'ml-knn' {
  export default class KNN {
    constructor(dataset: number[][], labels: number[], options?: { k?: number });
    k: number;
    kdTree: { nearest(point: number[], count: number): [number[], number][] };
    predict(dataset: number[][]): number[];
    toJSON(): unknown;
    static load(model: unknown): KNN;
  }
}

declare module 'ml-naivebayes' {
  export class GaussianNB {
    /** Per class, per feature mean. */
    means: number[][];
    /** Per class: [log prior, [1/(√(2π)σ), −2σ²] per feature]. */
    calculateProbabilities: [number, ...[number, number][]][];
    train(X: number[][], y: number[]): void;
    toJSON(): unknown;
    static load(model: unknown): GaussianNB;
  }
}
