// The Node-side half of a node type (DESIGN §2, §4): what `pipewright run-node` calls with resolved inputs and outputs.
import type { NodeTypeDefinition } from '../../shared/nodes/node-type';
import type { NodeRunInfo } from './node-env';

/** Everything a node implementation may use; the same locally, in CI and in a Kubernetes pod. */
export interface NodeRunContext {
  definition: NodeTypeDefinition;
  /** Params validated by the definition's schema (defaults applied, placeholders already resolved). */
  params: Record<string, unknown>;
  /** Input port id → artifact path (a `multiple` port gets every path, in edge order). */
  inputs: Record<string, string[]>;
  /** Output port id → path where the artifact must be written (file or folder, by artifact type). */
  outputs: Record<string, string>;
  /** Folder relative file params resolve against (the pipeline file's folder). */
  baseDir: string;
  /** The run this node belongs to, when started by the runner (absent for a bare `run-node`). */
  run?: NodeRunInfo;
  /** Records a run metric (also written to PIPEWRIGHT_METRICS when set). */
  reportMetric(name: string, value: number): void;
  /**
   * The node's PIPEWRIGHT_METRICS file, when set: a script the node runs writes its metrics there itself, so the
   * runner sees a series (JSON lines) while it is written.
   */
  metricsFile?: string;
  /** Aborted when the run is canceled or times out. */
  signal: AbortSignal;
}

/** Implementation of one node type; throw a `NodeError` for expected failures (bad data, failed gate). */
export interface NodeImplementation {
  run(ctx: NodeRunContext): Promise<void>;
}

/** An expected failure: printed as one line on the node (no stack trace), exit code 1. */
export class NodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeError';
  }
}
