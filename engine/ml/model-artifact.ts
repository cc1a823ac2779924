// The model folder (DESIGN §4): model.json holds the feature schema, preprocessing and the fitted estimator, so a
// model predicts on raw rows wherever it is loaded (evaluate nodes, the prediction server, a container).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NodeError } from '../nodes/node-implementation';
import { estimatorKinds } from './estimators/index';
import type { Algorithm, Estimator } from './estimators/estimator';
import { encodeRows, type FeatureSpec, type Preprocessing } from './feature-schema';
import type { RowSource } from './row-source';
import type { Task } from './target';

export const MODEL_FILE = 'model.json';

const featureSchema = z.union([
  z.object({ name: z.string(), kind: z.literal('number'), mean: z.number(), std: z.number(), min: z.number(), max: z.number() }),
  z.object({ name: z.string(), kind: z.literal('category'), categories: z.array(z.string()) }),
]);

const artifactSchema = z.object({
  format: z.literal('pipewright-model'),
  formatVersion: z.literal(1),
  algorithm: z.enum(['logistic-regression', 'linear-regression', 'decision-tree', 'random-forest', 'knn', 'naive-bayes']),
  library: z.string(),
  task: z.enum(['classification', 'regression']),
  target: z.string(),
  classes: z.array(z.string()).optional(),
  features: z.array(featureSchema),
  preprocessing: z.object({ scale: z.enum(['none', 'standard']) }),
  params: z.record(z.string(), z.unknown()),
  training: z.object({
    rows: z.number(),
    dataSha256: z.string(),
    trainedAt: z.string(),
    nodeType: z.string(),
    seconds: z.number(),
    runId: z.string().optional(),
    pipeline: z.string().optional(),
  }),
  estimator: z.unknown(),
});

/** Contents of model.json. */
export interface ModelArtifact {
  format: 'pipewright-model';
  formatVersion: 1;
  algorithm: Algorithm;
  /** npm package that fitted the model. */
  library: string;
  task: Task;
  target: string;
  /** Class labels in index order (classification). */
  classes?: string[];
  features: FeatureSpec[];
  preprocessing: Preprocessing;
  /** Hyperparameters the node was run with. */
  params: Record<string, unknown>;
  training: {
    rows: number;
    /** SHA-256 of the training CSV (lineage). */
    dataSha256: string;
    trainedAt: string;
    nodeType: string;
    seconds: number;
    runId?: string;
    pipeline?: string;
  };
  /** The estimator's own JSON (library model plus what Pipewright needs to score it). */
  estimator: unknown;
}

export function writeModel(dir: string, artifact: ModelArtifact): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MODEL_FILE), JSON.stringify(artifact));
}

/** Reads and checks a model folder; anything that is not a Pipewright model is a one-line error. */
export function readModel(dir: string): ModelArtifact {
  const file = join(dir, MODEL_FILE);
  if (!existsSync(file)) throw new NodeError(`${dir} is not a model folder (it has no ${MODEL_FILE}) — connect the "model" output of a train node`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NodeError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = artifactSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NodeError(`${file} is not a Pipewright model (${issue.path.join('.') || 'file'}: ${issue.message})`);
  }
  return parsed.data as ModelArtifact;
}

/** What a model says about some rows. */
export interface Prediction {
  /** Class label (classification) or value (regression) per row. */
  values: (string | number)[];
  /** Per row, probability of each class in `classes` order (classification). */
  probabilities?: number[][];
  unknownCategories: Record<string, number>;
}

/** A model ready to predict on raw rows. */
export interface Predictor {
  artifact: ModelArtifact;
  predict(rows: RowSource): Prediction;
}

export function loadPredictor(artifact: ModelArtifact): Predictor {
  const kind = estimatorKinds[artifact.algorithm];
  const info = { task: artifact.task, classCount: artifact.classes?.length ?? 0 };
  const estimator: Estimator = kind.load(artifact.estimator, info);
  return {
    artifact,
    predict(rows) {
      const { X, unknownCategories } = encodeRows(rows, artifact.features, artifact.preprocessing);
      if (X.length === 0) return { values: [], unknownCategories, ...(artifact.task === 'classification' ? { probabilities: [] } : {}) };
      const raw = estimator.predict(X);
      if (artifact.task === 'regression') return { values: raw, unknownCategories };
      const classes = artifact.classes!;
      return { values: raw.map((c) => classes[c]!), probabilities: estimator.predictProba!(X), unknownCategories };
    },
  };
}
