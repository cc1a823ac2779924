// Commands of the model registry (models, versions, aliases, comparison) and of local deployments (prediction servers).
import { z } from 'zod';
import { command } from './define';

/** Where a model version came from: the run, pipeline revision and data that produced it. */
export interface ModelLineage {
  runId: string | null;
  nodeId: string | null;
  pipelineName: string | null;
  pipelineRevision: number | null;
  /** SHA-256 of the data: `training` (the train node's input) and `evaluation` (the evaluate node's input), when known. */
  dataHashes: Record<string, string>;
}

/** One registered version of a model. */
export interface ModelVersionRecord {
  name: string;
  version: number;
  createdAt: string;
  description: string;
  algorithm: string;
  task: 'classification' | 'regression';
  target: string;
  /** Aliases (staging, production, …) currently pointing at this version. */
  aliases: string[];
  lineage: ModelLineage;
  params: Record<string, unknown>;
  /** Scalar metrics of the evaluation registered with it (accuracy, rmse, …). */
  metrics: Record<string, number>;
  /** Input columns the model reads, with their kind. */
  features: { name: string; kind: 'number' | 'category' }[];
  /** The model folder in the registry (model.json inside). */
  artifactPath: string;
}

/** A row of the registry's model list. */
export interface ModelSummary {
  name: string;
  versionCount: number;
  latestVersion: number;
  /** alias → version */
  aliases: Record<string, number>;
  updatedAt: string;
}

/** Two versions side by side: every param and metric of either, with what changed. */
export interface ModelComparison {
  a: ModelVersionRecord;
  b: ModelVersionRecord;
  params: { name: string; a: unknown; b: unknown; changed: boolean }[];
  /** `delta` = b − a when both are numbers. */
  metrics: { name: string; a: number | null; b: number | null; delta: number | null }[];
}

/** A local prediction server started by deploy.serve. */
export interface DeploymentRecord {
  id: string;
  name: string;
  modelName: string | null;
  modelVersion: number | null;
  modelPath: string;
  url: string;
  port: number;
  pid: number;
  /** `running`: the process answers; `stopped`: stopped by a user; `exited`: the process ended on its own. */
  status: 'running' | 'stopped' | 'exited';
  runId: string | null;
  nodeId: string | null;
  logPath: string;
  startedAt: string;
  stoppedAt: string | null;
}

const name = z.string().trim().min(1).max(100);
const version = z.number().int().positive();
const alias = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'an alias uses letters, digits, "_" and "-", starting with a letter');
const versionRef = z.object({ name, version }).strict();

export const modelCommands = {
  'model.list': command<ModelSummary[]>()(() => z.object({}).strict()),
  'model.versions': command<ModelVersionRecord[]>()(() => z.object({ name }).strict()),
  'model.version': command<ModelVersionRecord>()(() => versionRef),
  'model.byRun': command<ModelVersionRecord[]>()(() => z.object({ runId: z.string().min(1) }).strict()),
  'model.setAlias': command<ModelVersionRecord>()(() => z.object({ name, alias, version }).strict()),
  'model.removeAlias': command<{ removed: boolean }>()(() => z.object({ name, alias }).strict()),
  'model.compare': command<ModelComparison>()(() => z.object({ a: versionRef, b: versionRef }).strict()),
  'deployment.list': command<DeploymentRecord[]>()(() => z.object({}).strict()),
  'deployment.stop': command<DeploymentRecord[]>()(() => 
    z.union([z.object({ id: z.string().min(1) }).strict(), z.object({ all: z.literal(true) }).strict()]),
  ),
};

/** Pushed when a version is registered or an alias moves (by this process). */
export interface ModelChangedEvent {
  name: string;
}

/** Pushed when a deployment is stopped through the API. */
export interface DeploymentChangedEvent {
  id: string;
  status: DeploymentRecord['status'];
}
