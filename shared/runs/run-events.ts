// The runner's event stream (DESIGN §5): one discriminated union, `runId` + monotonic `seq` on every event.
import type { CacheReport } from './cache-report';
import type { RunOptions } from './run-options';
import type { FinalNodeState, LogStream, ProcessStream, RunStatus, RunTrigger } from './run-status';

/** Fields every event carries. */
export interface RunEventBase {
  runId: string;
  /** 1, 2, 3, … within the run, without gaps: a client resumes after the last seq it saw. */
  seq: number;
  /** Milliseconds since the Unix epoch. */
  at: number;
}

/** The run began; `nodeIds` are the nodes in its scope, in topological order. */
export interface RunStartedEvent extends RunEventBase {
  type: 'run.started';
  pipelineName: string;
  /** Stored pipeline id and revision; absent for a pipeline run from a file. */
  pipelineId?: string;
  pipelineRevision?: number;
  /** Pipeline parameter values the run used (defaults overlaid with the caller's). */
  params: Record<string, string | number | boolean>;
  nodeIds: string[];
  trigger: RunTrigger;
  options: RunOptions;
}

/** The node is waiting for its upstream nodes or for a free slot. */
export interface NodeQueuedEvent extends RunEventBase {
  type: 'node.queued';
  nodeId: string;
}

/** The node's process started (once per attempt). */
export interface NodeStartedEvent extends RunEventBase {
  type: 'node.started';
  nodeId: string;
  /** Process id, also the id of the node's own process group on POSIX. */
  pid: number;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/** One line the node wrote (or, on stream `system`, a line from the runner about the node). */
export interface NodeLogEvent extends RunEventBase {
  type: 'node.log';
  nodeId: string;
  stream: LogStream;
  /** The line without its line break. */
  text: string;
  /** 0-based index of the line in the node's whole log (all streams, all attempts). */
  line: number;
}

/** A metric the node reported through PIPEWRIGHT_METRICS: its latest value, and with `step` a point of its series. */
export interface NodeMetricEvent extends RunEventBase {
  type: 'node.metric';
  nodeId: string;
  name: string;
  value: number;
  /** Set for a value written as a line of a series (shared/runs/metrics-file.ts), as soon as the node wrote it. */
  step?: number;
}

/** The cache decision for a node, with the key parts (and, on a miss, which of them changed). */
export interface NodeCacheEvent extends RunEventBase {
  type: 'node.cache';
  nodeId: string;
  report: CacheReport;
}

/** A sample of the node's process-tree resources (peak so far). */
export interface NodeTelemetryEvent extends RunEventBase {
  type: 'node.telemetry';
  nodeId: string;
  /** Largest summed resident memory of the node's processes seen so far, in bytes. */
  peakRssBytes: number;
  /** CPU time (user + system) of the node's processes so far, in milliseconds. */
  cpuMs: number;
}

/** The node reached a final state. */
export interface NodeFinishedEvent extends RunEventBase {
  type: 'node.finished';
  nodeId: string;
  status: FinalNodeState;
  /** Exit code of the last attempt's process; null when none ran or it was killed by a signal. */
  exitCode: number | null;
  /** Wall time from the first attempt's start (0 for nodes that never started). */
  durationMs: number;
  cached: boolean;
  /** One line saying why, for failed, skipped and canceled nodes. */
  error?: string;
  attempts: number;
  peakRssBytes?: number;
  cpuMs?: number;
}

/** The run reached a final status. */
export interface RunFinishedEvent extends RunEventBase {
  type: 'run.finished';
  status: Exclude<RunStatus, 'running'>;
  durationMs: number;
  /** Nodes per final state. */
  counts: Partial<Record<FinalNodeState, number>>;
  error?: string;
}

export type RunEvent =
  | RunStartedEvent
  | NodeQueuedEvent
  | NodeStartedEvent
  | NodeLogEvent
  | NodeMetricEvent
  | NodeCacheEvent
  | NodeTelemetryEvent
  | NodeFinishedEvent
  | RunFinishedEvent;

export type RunEventType = RunEvent['type'];

/** An event before the emitter stamps it with runId, seq and time. */
export type RunEventInput = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, keyof RunEventBase> : never) : never;

/**
 * Log lines a batch left out (the client fell behind, or the batch cap was hit). Lines `fromLine` … `fromLine + count - 1`
 * of the node's log are in the store: load them with `run.logs`.
 */
export interface LogGap {
  nodeId: string;
  fromLine: number;
  count: number;
}

/**
 * The line a node's process is writing now — bytes after its last line break (a progress bar redrawn with `\r`, a
 * prompt). Not an event: no seq, not stored, only sent live; it becomes a `node.log` line once its line break comes.
 * `text` is what a terminal shows of it (after its last `\r`); '' once the line ended or the process is gone.
 */
export interface LineInProgress {
  nodeId: string;
  stream: ProcessStream;
  text: string;
}

/** What the `run.events` topic pushes about every 50 ms, and what `run.events` (resume) returns. */
export interface RunEventBatch {
  runId: string;
  events: RunEvent[];
  gaps: LogGap[];
  /** Lines in progress that changed since the last batch, the latest text of each (live batches only). */
  inProgress?: LineInProgress[];
  /** Highest seq covered by this batch (events and gaps included). */
  lastSeq: number;
}
