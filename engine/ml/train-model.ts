// Fits one algorithm on a dataset: picks target and features, learns the feature schema, encodes, fits, and packs
// everything into a model artifact that predicts on raw rows.
import { NodeError } from '../nodes/node-implementation';
import { estimatorKinds } from './estimators/index';
import type { Algorithm } from './estimators/estimator';
import { encodeRows, fitFeatures } from './feature-schema';
import { rSquared } from './regression-metrics';
import type { ModelArtifact } from './model-artifact';
import { tableRows } from './row-source';
import { describeColumns, parseColumnList, type Table } from './table';
import { encodeLabels, fitClasses, inferTask, readLabels, readNumericTarget, resolveTarget, type Task } from './target';

/** What every train node's params share (the API names of DESIGN §2 / issue: `target`). */
export interface TrainSettings {
  /** Label column; empty = the last column. */
  target: string;
  /** Comma-separated feature columns; empty = every other column. */
  features: string;
  /** Comma-separated columns to treat as categories even if they hold numbers. */
  categorical: string;
  /** Fixed by the algorithm, or chosen by the user where both are possible (`auto` infers it from the target). */
  task: Task | 'auto';
}

export interface TrainResult {
  artifact: ModelArtifact;
  /** Accuracy (classification) or R² (regression) on the training rows. */
  trainingScore: number;
}

export interface TrainMeta {
  nodeType: string;
  dataSha256: string;
  runId?: string;
  pipeline?: string;
}

/** Trains and packs the model; `log` receives progress lines as the work goes (fitting may take a while). */
export function trainModel(
  table: Table,
  algorithm: Algorithm,
  settings: TrainSettings,
  hyper: Record<string, unknown>,
  meta: TrainMeta,
  log: (line: string) => void,
): TrainResult {
  const kind = estimatorKinds[algorithm];
  const target = resolveTarget(table, settings.target);
  const features = chooseFeatures(table, target, settings.features);
  const task = chooseTask(table, target, settings.task, kind.tasks, log);
  const labels = task === 'classification' ? readLabels(table, target) : undefined;
  const classes = labels ? fitClasses(labels, target) : undefined;
  const y = labels && classes ? encodeLabels(labels, classes, target) : readNumericTarget(table, target);
  const schema = fitFeatures(table, features, new Set(parseColumnList(settings.categorical)));
  const { X } = encodeRows(tableRows(table), schema, kind.preprocessing);
  log(`target "${target}"${classes ? ` with ${classes.length} classes (${classes.join(', ')})` : ''}; ${features.length} features: ${describeColumns(features, 8)}`);
  log(`fitting ${algorithm} (${kind.library}) on ${table.rows.length} rows…`);
  const started = performance.now();
  const info = { task, classCount: classes?.length ?? 0 };
  const estimator = kind.fit(X, y, hyper as never, info);
  const seconds = (performance.now() - started) / 1000;
  const fitted = estimator.predict(X);
  const trainingScore = task === 'classification' ? fitted.filter((p, i) => p === y[i]).length / y.length : rSquared(y, fitted);
  log(`fitted in ${seconds.toFixed(2)} s; training ${task === 'classification' ? 'accuracy' : 'R²'} ${trainingScore.toFixed(4)}`);
  const artifact: ModelArtifact = {
    format: 'pipewright-model',
    formatVersion: 1,
    algorithm,
    library: kind.library,
    task,
    target,
    ...(classes ? { classes } : {}),
    features: schema,
    preprocessing: kind.preprocessing,
    params: { ...hyper, target, features, task },
    training: {
      rows: table.rows.length,
      dataSha256: meta.dataSha256,
      trainedAt: new Date().toISOString(),
      nodeType: meta.nodeType,
      seconds,
      ...(meta.runId ? { runId: meta.runId } : {}),
      ...(meta.pipeline ? { pipeline: meta.pipeline } : {}),
    },
    estimator: estimator.toJSON(),
  };
  return { artifact, trainingScore };
}

function chooseFeatures(table: Table, target: string, list: string): string[] {
  const named = parseColumnList(list);
  const features = named.length > 0 ? named : table.columns.filter((c) => c !== target);
  if (features.includes(target)) throw new NodeError(`the target column "${target}" cannot also be a feature`);
  if (features.length === 0) throw new NodeError(`the dataset has no feature columns besides the target "${target}"`);
  return features;
}

function chooseTask(table: Table, target: string, wanted: Task | 'auto', supported: readonly Task[], log: (line: string) => void): Task {
  if (wanted !== 'auto') {
    if (!supported.includes(wanted)) throw new NodeError(`this algorithm does ${supported.join(' and ')} only, not ${wanted}`);
    return wanted;
  }
  if (supported.length === 1) return supported[0]!;
  const inferred = inferTask(table, target);
  log(`task: ${inferred.task} (${inferred.reason}; set "task" to choose)`);
  return inferred.task;
}
