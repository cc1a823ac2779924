// Everything the scheduler and node executions of one run share.
import type { RunOptions } from '../../shared/runs/run-options';
import type { CacheRepo } from '../store/cache.repo';
import type { RunsRepo } from '../store/runs.repo';
import type { ArtifactStore } from './artifact-store';
import type { FileHasher } from './cache-key';
import type { LogFolder } from './node-files';
import type { ProcessLauncher } from './process-launcher';
import type { SpawnerCommand } from './spawner/spawner-client';
import type { RunEmitter } from './run-emitter';
import type { RunPlan } from './run-plan';
import type { StoreSink } from './store-sink';
import type { TelemetrySampler } from './telemetry';

/** Engine-wide runner configuration (EngineOptions fills it). */
export interface RunnerSettings {
  /** Command that starts a built-in node: `[...nodeCommand, 'run-node', <type>]`. */
  nodeCommand: string[];
  /** Extra environment for built-in node processes (ELECTRON_RUN_AS_NODE=1 under Electron). */
  nodeCommandEnv: Record<string, string>;
  /** Time a node's process group gets between SIGTERM and SIGKILL on cancel and timeout. */
  killGraceMs: number;
  /** Concurrency when a run does not choose one. */
  defaultConcurrency: number;
  /** The spawner helpers that can start node processes, best first; absent: the engine starts them itself. */
  spawners?: SpawnerCommand[];
}

export interface RunContext {
  runId: string;
  pipelineName: string;
  pipelineRevision?: number;
  baseDir: string;
  /** Working directory of node processes: baseDir when it exists, else the engine's. */
  cwd: string;
  /** PIPEWRIGHT_HOME/artifacts/<runId>: outputs go in `<nodeId>/`, metrics files in `_metrics/`, logs in `_logs/`. */
  runDir: string;
  /** `<runDir>/_logs`, made when the first node starts. */
  logFolder: LogFolder;
  plan: RunPlan;
  options: RunOptions;
  concurrency: number;
  emitter: RunEmitter;
  store: StoreSink;
  cache: CacheRepo;
  runsRepo: RunsRepo;
  hasher: FileHasher;
  objects: ArtifactStore;
  telemetry: TelemetrySampler;
  /** Starts node processes (through the spawner helper when there is one). */
  launcher: ProcessLauncher;
  settings: RunnerSettings;
  /** The engine's environment, copied once per run (spreading process.env per node is measurably slow). */
  baseEnv: NodeJS.ProcessEnv;
}
