// Runs as the store keeps them and the API returns them: summaries for lists, details for the run view.
import type { Pipeline } from '../pipeline/pipeline.schema';
import type { CacheReport } from './cache-report';
import type { MetricPoint } from './metrics-file';
import type { RunOptions } from './run-options';
import type { LogStream, NodeState, RunStatus, RunTrigger } from './run-status';

/** A row of the runs list. */
/** What deleting runs removed. */
export interface RunsDeleted {
  deleted: string[];
  /** Cache entries the runs had made: the nodes they cached run again next time. */
  cacheEntries: number;
  /** Disk space given back (files whose last link went). */
  freedBytes: number;
  /** Finished sweeps left without a run, deleted with them. */
  sweeps: string[];
}

export interface RunSummary {
  id: string;
  pipelineName: string;
  /** Stored pipeline id and revision; null for a pipeline run from a file. */
  pipelineId: string | null;
  pipelineRevision: number | null;
  status: RunStatus;
  trigger: RunTrigger;
  /** ISO 8601 times. */
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  params: Record<string, string | number | boolean>;
  /** Nodes per state. */
  counts: Partial<Record<NodeState, number>>;
  /** Why the run failed or stopped, when it says more than its node errors. */
  error: string | null;
}

/** One node of a run, as it ran. */
export interface RunNodeRecord {
  nodeId: string;
  status: NodeState;
  attempts: number;
  pid: number | null;
  exitCode: number | null;
  error: string | null;
  cached: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  cache: CacheReport | null;
  peakRssBytes: number | null;
  cpuMs: number | null;
  /** Lines in the node's log (all streams). */
  logLines: number;
  metrics: Record<string, number>;
  /** Metrics the node wrote step by step (its last attempt's); absent when it wrote none. */
  metricSeries?: Record<string, MetricPoint[]>;
}

/** Everything the run view shows. */
export interface RunDetail extends RunSummary {
  /** The pipeline exactly as it ran. */
  document: Pipeline;
  options: RunOptions;
  /** Folder relative paths resolved against. */
  baseDir: string;
  nodes: RunNodeRecord[];
  /** Highest event seq stored so far. */
  lastSeq: number;
}

/** One stored log line. */
export interface LogLine {
  /** Index in the node's whole log, or in the filtered stream when a stream was asked for. */
  line: number;
  stream: LogStream;
  text: string;
}

/** A page of a node's log. */
export interface LogPage {
  lines: LogLine[];
  /** Lines in the log (or in the asked-for stream). */
  total: number;
}

/** An output artifact of a node in a run. */
export interface ArtifactInfo {
  nodeId: string;
  port: string;
  /** Artifact type of the port (`dataset`, `model`, …). */
  type: string;
  kind: 'file' | 'directory';
  /** Bytes (a directory: every file added up). */
  size: number;
  /** Content hash (sha-256, hex). */
  hash: string;
  /** File name to offer when downloading. */
  fileName: string;
}

/** What a model folder says about the model in it (its model.json without the fitted estimator): a model card. */
export interface ModelCard {
  algorithm: string;
  task: 'classification' | 'regression';
  target: string;
  classes?: string[];
  features: { name: string; kind: 'number' | 'category' }[];
  params: Record<string, unknown>;
  training: { rows: number; seconds: number; trainedAt: string };
  /** The npm package that fitted it. */
  library: string;
}

/** What the run view can show of an artifact without downloading it. */
export type ArtifactPreview =
  | { kind: 'table'; columns: string[]; rows: string[][]; truncated: boolean }
  | { kind: 'json'; text: string; truncated: boolean }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'image'; mime: string; dataUrl: string }
  | { kind: 'directory'; entries: { path: string; size: number }[]; truncated: boolean; model?: ModelCard }
  | { kind: 'binary'; size: number };
