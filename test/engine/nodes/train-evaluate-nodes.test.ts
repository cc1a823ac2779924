// train.* and evaluate.* nodes on the bundled datasets: fit, predict raw rows, metrics, reproducibility, bad input.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPredictor, readModel } from '../../../engine/ml/model-artifact';
import { objectRows } from '../../../engine/ml/row-source';
import { csvFile, dataset, irisSplit, readCsv, readJson, runNodeType } from './node-harness';

const CLASSIFIERS = ['logistic-regression', 'decision-tree', 'random-forest', 'knn', 'naive-bayes'] as const;

describe.each(CLASSIFIERS)('train.%s on iris', (algorithm) => {
  it('learns a model that scores ≥ 90 % on the held-out test set and predicts raw JSON rows', async () => {
    const { train, test } = await irisSplit();
    const trained = await runNodeType(`train.${algorithm}`, { inputs: { dataset: train }, outputs: ['model'] });
    expect(trained).toMatchObject({ exitCode: 0 });
    expect(trained.metrics['training_rows']).toBe(105);
    const model = readModel(trained.out['model']!);
    expect(model).toMatchObject({ algorithm, task: 'classification', target: 'species', classes: ['setosa', 'versicolor', 'virginica'] });
    expect(model.features.map((f) => f.kind)).toEqual(['number', 'number', 'number', 'number']);

    const evaluated = await runNodeType('evaluate.classification', { inputs: { model: trained.out['model']!, dataset: test }, outputs: ['metrics', 'predictions'] });
    expect(evaluated.metrics['accuracy']).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(evaluated.metrics).sort()).toEqual(['accuracy', 'f1_macro', 'log_loss', 'precision_macro', 'recall_macro', 'roc_auc']);
    const predictions = readCsv(evaluated.out['predictions']!);
    expect(predictions[0]).toEqual([...readCsv(test)[0]!, 'prediction', 'probability_setosa', 'probability_versicolor', 'probability_virginica']);

    // The model folder alone predicts raw rows (numbers as text or JSON numbers) exactly as the evaluation did.
    const rows = readCsv(test).slice(1).map((r) => ({ sepal_length_cm: Number(r[0]), sepal_width_cm: r[1]!, petal_length_cm: Number(r[2]), petal_width_cm: Number(r[3]) }));
    expect(loadPredictor(model).predict(objectRows(rows)).values).toEqual(predictions.slice(1).map((r) => r[5]));
  });
});

describe('classifier details', () => {
  it('random forest: the same seed gives the same model, another seed another one', async () => {
    const { train } = await irisSplit();
    const fit = (seed: number) => runNodeType('train.random-forest', { params: { nEstimators: 15, seed }, inputs: { dataset: train }, outputs: ['model'] });
    const [a, b, c] = await Promise.all([fit(3), fit(3), fit(4)]);
    const estimator = (run: typeof a) => JSON.stringify(readModel(run.out['model']!).estimator);
    expect(estimator(a)).toBe(estimator(b));
    expect(estimator(a)).not.toBe(estimator(c));
  });

  it('decision tree: the seed breaks ties between equally good features, reproducibly (scikit-learn\'s random_state)', async () => {
    // `copy` duplicates `x`: every split on one is equally good on the other, so only the tie-break picks the feature.
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 10},${i % 10},${i % 10 < 5 ? 'low' : 'high'}`);
    const train = csvFile(['x,copy,label', ...rows]);
    const fit = (seed: number) => runNodeType('train.decision-tree', { params: { seed }, inputs: { dataset: train }, outputs: ['model'] });
    const rootFeature = (run: Awaited<ReturnType<typeof fit>>) => (readModel(run.out['model']!).estimator as { root: { splitColumn: number } }).root.splitColumn;
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const runs = await Promise.all(seeds.map(fit));
    const again = await fit(1);
    expect(rootFeature(again)).toBe(rootFeature(runs[0]!));
    expect(new Set(runs.map(rootFeature))).toEqual(new Set([0, 1]));
  });

  it('one-hot encodes text features; an unseen category predicts as "none of the known ones" with a warning', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 3 === 0 ? 'red' : 'blue'},${(i * 7) % 10},${i % 3 === 0 ? 'yes' : 'no'}`);
    const trained = await runNodeType('train.decision-tree', { inputs: { dataset: csvFile(['color,n,label', ...rows]) }, outputs: ['model'] });
    const model = readModel(trained.out['model']!);
    expect(model.features[0]).toEqual({ name: 'color', kind: 'category', categories: ['blue', 'red'] });
    const prediction = loadPredictor(model).predict(objectRows([{ color: 'red', n: 1 }, { color: 'green', n: 1 }]));
    expect(prediction.values[0]).toBe('yes');
    expect(prediction.unknownCategories).toEqual({ color: 1 });
  });

  it('binary breast-cancer: ROC-AUC of the positive class, with a chosen positive class too', async () => {
    const split = await runNodeType('data.split', { params: { testSize: 0.3, stratify: 'diagnosis' }, inputs: { dataset: dataset('breast-cancer') }, outputs: ['train', 'test'] });
    const trained = await runNodeType('train.naive-bayes', { inputs: { dataset: split.out['train']! }, outputs: ['model'] });
    const evaluate = (positiveClass: string) =>
      runNodeType('evaluate.classification', { params: { positiveClass }, inputs: { model: trained.out['model']!, dataset: split.out['test']! }, outputs: ['metrics'] });
    const byDefault = readJson<{ positiveClass: string; roc_auc: number; rocCurves: unknown[] }>((await evaluate('')).out['metrics']!);
    expect(byDefault.positiveClass).toBe('malignant');
    expect(byDefault.roc_auc).toBeGreaterThan(0.95);
    expect(byDefault.rocCurves).toHaveLength(1);
    const benign = readJson<{ positiveClass: string; roc_auc: number }>((await evaluate('benign')).out['metrics']!);
    expect(benign.positiveClass).toBe('benign');
    expect(benign.roc_auc).toBeCloseTo(byDefault.roc_auc, 12);
    expect((await evaluate('maybe')).error).toBe('positiveClass "maybe" is not a class of the model (classes: benign, malignant)');
  });
});

describe('regression', () => {
  it.each([
    ['linear-regression', 0.35, {}],
    ['random-forest', 0.3, { nEstimators: 30 }],
    ['decision-tree', 0.15, { maxDepth: 3 }],
  ] as const)('train.%s on diabetes (task inferred) reaches R² ≥ %s on the test set', async (algorithm, minR2, params) => {
    const split = await runNodeType('data.split', { params: { testSize: 0.25, seed: 1 }, inputs: { dataset: dataset('diabetes') }, outputs: ['train', 'test'] });
    const trained = await runNodeType(`train.${algorithm}`, { params, inputs: { dataset: split.out['train']! }, outputs: ['model'] });
    expect(readModel(trained.out['model']!).task).toBe('regression');
    const evaluated = await runNodeType('evaluate.regression', { inputs: { model: trained.out['model']!, dataset: split.out['test']! }, outputs: ['metrics', 'predictions'] });
    expect(evaluated.metrics['r2']).toBeGreaterThanOrEqual(minR2);
    expect(evaluated.metrics['rmse']).toBeGreaterThan(0);
    const report = readJson<{ rows: number; residuals: { histogram: { counts: number[] } } }>(evaluated.out['metrics']!);
    expect(report.residuals.histogram.counts.reduce((a, b) => a + b, 0)).toBe(report.rows);
    expect(readCsv(evaluated.out['predictions']!)[0]!.slice(-2)).toEqual(['prediction', 'residual']);
  });

  it('evaluating with the wrong node says which one to use', async () => {
    const trained = await runNodeType('train.linear-regression', { inputs: { dataset: dataset('diabetes') }, outputs: ['model'] });
    const wrong = await runNodeType('evaluate.classification', { inputs: { model: trained.out['model']!, dataset: dataset('diabetes') }, outputs: ['metrics'] });
    expect(wrong.error).toBe('this model does regression (linear-regression); use evaluate.regression for it');
  });
});

describe('bad input fails with one specific line', () => {
  const train = (lines: string[], params: Record<string, unknown> = {}, algorithm = 'knn') =>
    runNodeType(`train.${algorithm}`, { params, inputs: { dataset: csvFile(lines) }, outputs: ['model'] });

  it.each([
    ['an empty CSV', [''], {}, 'data.csv is empty — expected a header row and at least one data row'],
    ['a missing target column', ['a,b', '1,x', '2,y'], { target: 'label' }, 'target column "label" is not in the dataset (columns: "a", "b")'],
    ['a missing feature column', ['a,b', '1,x', '2,y'], { features: 'a,c' }, 'feature column "c" is not in the dataset (columns: "a", "b")'],
    ['a non-numeric value in a numeric feature', ['a,b,y', '1,2,x', '2,3,y', '3,4,x', '4,5,y', 'five,6,x'], {}, 'feature column "a" row 5: "five" is not a number (the column\'s other values are numbers) — fix the value or list the column in "categorical"'],
    ['a label with one class', ['a,y', '1,x', '2,x', '3,x'], {}, 'target column "y" has a single class ("x") in all 3 rows — a classifier needs at least two classes'],
    ['NaN in a feature', ['a,b,y', '1,2,x', 'NaN,3,y', '3,4,x'], {}, 'feature column "a" row 2 is missing a value (empty or NaN) — add a data.clean node to drop or impute missing values'],
    ['an empty label', ['a,y', '1,x', '2,', '3,y'], {}, 'target column "y" row 2 has no label — drop unlabelled rows with data.clean'],
  ])('%s', async (_case, lines, params, message) => {
    const run = await train(lines, params);
    expect(run).toMatchObject({ exitCode: 1, error: message });
  });

  it('a text target for regression, and a class unseen in training at evaluation', async () => {
    const regression = await train(['a,y', '1,x', '2,y'], {}, 'linear-regression');
    expect(regression.error).toBe('target column "y" row 1: "x" is not a number (regression needs a numeric target)');
    const model = await train(['a,y', '1,x', '2,y', '3,x', '4,y']);
    const evaluated = await runNodeType('evaluate.classification', { inputs: { model: model.out['model']!, dataset: csvFile(['a,y', '1,x', '2,z']) }, outputs: ['metrics'] });
    expect(evaluated.error).toBe('target column "y" row 2: class "z" was not seen in training (classes: x, y)');
  });

  it('a model input that is not a model folder', async () => {
    const notModel = await runNodeType('evaluate.regression', { inputs: { model: join(csvFile(['a']), '..'), dataset: dataset('diabetes') }, outputs: ['metrics'] });
    expect(notModel.error).toMatch(/is not a model folder \(it has no model\.json\) — connect the "model" output of a train node$/);
  });
});
