// How the engine starts node processes: through the spawner helper once it is up, directly until then (and where
// there is no helper: Windows, or a build without dist/spawner.js). Both start processes with launchProcess, and both
// can start a launch the moment another one's process ends (FollowQueue).
import v8 from 'node:v8';
import { FollowQueue } from './follow-queue';
import { launchProcess, LogFileError, type LaunchRequest } from './launch-process';
import type { SpawnerClient } from './spawner/spawner-client';
import { DROPPED_MESSAGE, type LaunchErrorKind } from './spawner/spawner-protocol';

/** How a launched process reports back; exactly one of onExit and onError ends it. */
export interface LaunchHandlers {
  onPid(pid: number): void;
  onExit(code: number | null, signal: NodeJS.Signals | null): void;
  /**
   * The process did not start (`spawn`), its log files could not be opened so nothing started (`logs`), it was taken
   * back before it started (`dropped`), or the helper that started it died, leaving its exit status unknown (`lost`;
   * its group has been killed).
   */
  onError(message: string, kind: LaunchErrorKind): void;
}

/** A launch, to drop it or to start another one after it. */
export interface LaunchTicket {
  readonly route: 'helper' | 'direct';
  readonly id: number;
}

export interface ProcessLauncher {
  /** Starts `request` now, or — with `after` — the moment that launch's process ends (at once if it has). */
  launch(request: LaunchRequest, handlers: LaunchHandlers, after?: LaunchTicket): LaunchTicket;
  /** Takes back a launch still waiting for its `after`: it ends with onError(…, 'dropped'). No effect once it started. */
  drop(ticket: LaunchTicket): void;
  /** Starts the spawner helper now instead of at the first launch; resolves true once launches go through it. */
  warmUp(): Promise<boolean>;
  close(): void;
}

interface DirectLaunch {
  id: number;
  request: LaunchRequest;
  handlers: LaunchHandlers;
}

/** Uses the helper when it is ready and starts it on first use; launches directly while it is not (yet) there. */
export class NodeProcessLauncher implements ProcessLauncher {
  private readonly follow = new FollowQueue<DirectLaunch>();
  private nextId = 1;

  constructor(private readonly spawner: SpawnerClient | undefined) {}

  launch(request: LaunchRequest, handlers: LaunchHandlers, after?: LaunchTicket): LaunchTicket {
    // A follower goes where its predecessor runs; one whose helper has died since starts now, directly.
    if (this.spawner?.ready && after?.route !== 'direct') {
      return { route: 'helper', id: this.spawner.launch(request, handlers, after?.route === 'helper' ? after.id : undefined) };
    }
    if (this.spawner?.usable) this.spawner.start();
    else keepYoungGenerationSmall();
    const launch = { id: this.nextId++, request, handlers };
    if (after?.route !== 'direct' || !this.follow.park(after.id, launch)) this.launchDirectly(launch);
    return { route: 'direct', id: launch.id };
  }

  drop(ticket: LaunchTicket): void {
    if (ticket.route === 'helper') return this.spawner?.drop(ticket.id);
    this.follow.unpark((launch) => launch.id === ticket.id)?.handlers.onError(DROPPED_MESSAGE, 'dropped');
  }

  warmUp(): Promise<boolean> {
    return this.spawner?.whenReady() ?? Promise.resolve(false);
  }

  close(): void {
    this.spawner?.close();
  }

  /** Starts a process from the engine itself; its followers start when it ends. */
  private launchDirectly({ id, request, handlers }: DirectLaunch): void {
    this.follow.started(id);
    let ended = false;
    const end = (report: () => void) => {
      if (ended) return;
      ended = true;
      for (const follower of this.follow.ended(id)) this.launchDirectly(follower);
      report();
    };
    let child;
    try {
      child = launchProcess(request);
    } catch (error) {
      // Whatever failed, the launches parked behind this one must not wait for an exit that never comes.
      return end(() => handlers.onError((error as Error).message, error instanceof LogFileError ? 'logs' : 'spawn'));
    }
    child.on('error', (error) => end(() => handlers.onError(error.message, 'spawn')));
    child.on('exit', (code, signal) => end(() => handlers.onExit(code, signal)));
    if (child.pid !== undefined) handlers.onPid(child.pid);
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
