// What both evaluate.* nodes share: load the model, check its task, predict the dataset, write predictions.
import type { Task } from '../ml/target';
import { sha256File } from '../ml/file-hash';
import { loadPredictor, type ModelArtifact, type Prediction } from '../ml/model-artifact';
import { tableRows } from '../ml/row-source';
import { resolveTarget } from '../ml/target';
import type { Table } from '../ml/table';
import { readModelInput } from './model-input';
import { NodeError, type NodeRunContext } from './node-implementation';
import { inputPath, log, readInputTable, writeOutputTable } from './node-io';

export interface Evaluation {
  artifact: ModelArtifact;
  table: Table;
  target: string;
  prediction: Prediction;
  /** Lineage written into the metrics artifact. */
  lineage: { model: { algorithm: string; trainedAt: string; trainingDataSha256: string }; dataSha256: string };
}

/** Loads the model from the `model` input and predicts the `dataset` input. */
export function evaluateModel(ctx: NodeRunContext, task: Task, targetParam: string): Evaluation {
  const { artifact } = readModelInput(ctx);
  if (artifact.task !== task) {
    const other = task === 'classification' ? 'evaluate.regression' : 'evaluate.classification';
    throw new NodeError(`this model does ${artifact.task} (${artifact.algorithm}); use ${other} for it`);
  }
  const table = readInputTable(ctx);
  const target = resolveTarget(table, targetParam || artifact.target);
  const prediction = loadPredictor(artifact).predict(tableRows(table));
  for (const [column, count] of Object.entries(prediction.unknownCategories)) {
    log(`warning: column "${column}" has ${count} value(s) not seen in training; they were encoded as "none of the known categories"`);
  }
  return {
    artifact,
    table,
    target,
    prediction,
    lineage: {
      model: { algorithm: artifact.algorithm, trainedAt: artifact.training.trainedAt, trainingDataSha256: artifact.training.dataSha256 },
      dataSha256: sha256File(inputPath(ctx, 'dataset')),
    },
  };
}

/** A column name not yet in `columns` (`prediction`, else `prediction_`, …). */
function freeName(columns: readonly string[], wanted: string): string {
  let name = wanted;
  while (columns.includes(name)) name += '_';
  return name;
}

/** Writes the input rows plus extra columns (prediction, probabilities, residual) to the `predictions` output. */
export function writePredictions(ctx: NodeRunContext, table: Table, extra: Record<string, readonly (string | number)[]>): void {
  const names: string[] = [];
  for (const wanted of Object.keys(extra)) names.push(freeName([...table.columns, ...names], wanted));
  const values = Object.values(extra);
  writeOutputTable(ctx, 'predictions', {
    columns: [...table.columns, ...names],
    rows: table.rows.map((row, i) => [...row, ...values.map((column) => String(column[i]))]),
  });
}

/** Reports every finite number of `metrics` listed in `names` as a run metric. */
export function reportMetrics(ctx: NodeRunContext, metrics: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const value = metrics[name];
    if (typeof value === 'number' && Number.isFinite(value)) ctx.reportMetric(name, value);
  }
}
