// How the engine starts node processes: through the spawner helper once it is up, directly until then (and where
// there is no helper: Windows, or a build without dist/spawner.js and no Python). Both start them with launchProcess.
import v8 from 'node:v8';
import { launchProcess, LogFileError, type LaunchRequest } from './launch-process';
import type { SpawnerClient } from './spawner/spawner-client';

/** How a launched process reports back; exactly one of onExit and onError ends it. */
export interface LaunchHandlers {
  onPid(pid: number): void;
  onExit(code: number | null, signal: NodeJS.Signals | null): void;
  /**
   * The process did not start (`spawn`), its log files could not be opened so nothing started (`logs`), or the
   * helper that started it died, leaving its exit status unknown (`lost`; its group has been killed).
   */
  onError(message: string, kind: 'spawn' | 'logs' | 'lost'): void;
}

export interface ProcessLauncher {
  launch(request: LaunchRequest, handlers: LaunchHandlers): void;
  /** Starts the spawner helper now instead of once it pays off (LAUNCHES_BEFORE_HELPER); true once launches use it. */
  warmUp(): Promise<boolean>;
  close(): void;
}

/** Starts processes from the engine itself. */
export function launchDirectly(request: LaunchRequest, handlers: LaunchHandlers): void {
  let child;
  try {
    child = launchProcess(request);
  } catch (error) {
    if (!(error instanceof LogFileError)) throw error;
    return handlers.onError(error.message, 'logs');
  }
  let ended = false;
  child.on('error', (error) => {
    if (!ended) handlers.onError(error.message, 'spawn');
    ended = true;
  });
  child.on('exit', (code, signal) => {
    if (!ended) handlers.onExit(code, signal);
    ended = true;
  });
  if (child.pid !== undefined) handlers.onPid(child.pid);
}

/** Uses the helper when it is ready and starts it once it pays off; launches directly while it is not (yet) there. */
export class NodeProcessLauncher implements ProcessLauncher {
  private launches = 0;
  private helperWanted = false;

  constructor(private readonly spawner: SpawnerClient | undefined) {}

  launch(request: LaunchRequest, handlers: LaunchHandlers): void {
    if (this.spawner?.ready) return this.spawner.launch(request, handlers);
    // The helper is started once it pays off: at the command's startAfterLaunches (or ahead of time by warmUp(), in
    // long-lived hosts). See SpawnerCommand.
    if (this.spawner && ++this.launches >= this.spawner.startAfterLaunches) this.helperWanted = true;
    if (!this.spawner?.usable) keepYoungGenerationSmall();
    // Once wanted, a helper that died is started again at the next launch.
    else if (this.helperWanted) this.spawner.start();
    launchDirectly(request, handlers);
  }

  warmUp(): Promise<boolean> {
    this.helperWanted = true;
    return this.spawner?.whenReady() ?? Promise.resolve(false);
  }

  close(): void {
    this.spawner?.close();
  }
}

let youngGenerationCapped = false;

/**
 * Every direct start forks the engine, and fork copies the engine's page tables: a Node process with 135 MB resident
 * spawns 1.3–1.6× slower than one with 64 MB (bench/README.md). Under a run's allocation churn V8 grows the young
 * generation to 2 × 16 MB; where there is no spawner helper, its growth is capped from the first spawn on (it stays at
 * 2 × 1 MB), for a few more (cheap) scavenges. Engines with the helper, or that never spawn, keep V8's default.
 */
function keepYoungGenerationSmall(): void {
  if (youngGenerationCapped) return;
  youngGenerationCapped = true;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
