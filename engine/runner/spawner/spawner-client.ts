// The engine's side of the spawner helper: starts it (the first of its commands that comes up), sends launches,
// routes its replies to each launch's handlers, and cleans up when it dies (every group it started is killed; their
// exit statuses are lost).
import { spawn, type ChildProcess } from 'node:child_process';
import type { LaunchRequest } from '../launch-process';
import type { LaunchHandlers } from '../process-launcher';
import { signalGroup } from '../process-group';
import { onJsonLines, type SpawnerReply, type SpawnerRequest } from './spawner-protocol';

/** How to start a helper: Python running dist/spawner.py, or a Node runtime running dist/spawner.js. */
export interface SpawnerCommand {
  file: string;
  args: string[];
  /** Added to the engine's environment (ELECTRON_RUN_AS_NODE=1 under Electron). */
  env: Record<string, string>;
  /** The engine starts the helper once a run has launched this many processes itself (what its start-up costs). */
  startAfterLaunches: number;
}

interface Launch {
  handlers: LaunchHandlers;
  pid?: number;
}

/**
 * A command whose helper cannot start, or exits before it listens, is not tried again (the next one is); a helper that
 * died after listening is restarted this many times at most.
 */
const MAX_RESTARTS = 3;

export class SpawnerClient {
  private child: ChildProcess | undefined;
  private isReady = false;
  /** Index in `commands` of the helper in use. */
  private current = 0;
  private failures = 0;
  private nextId = 1;
  private readonly launches = new Map<number, Launch>();
  /** Base environments the running helper knows, by object (a run's baseEnv), and their ids. */
  private envIds = new WeakMap<object, number>();
  private lost = '';
  private readyWaiters: ((ready: boolean) => void)[] = [];

  /** `commands`: the helpers to try, best first. */
  constructor(private readonly commands: readonly SpawnerCommand[]) {}

  /** True once the helper said it listens. */
  get ready(): boolean {
    return this.isReady;
  }

  /** False when no helper could start, or the last one died too often: launch directly instead. */
  get usable(): boolean {
    return this.current < this.commands.length && this.failures <= MAX_RESTARTS;
  }

  /** Launches the engine makes itself before it starts the helper it would use next. */
  get startAfterLaunches(): number {
    return this.commands[this.current]?.startAfterLaunches ?? Infinity;
  }

  /** Starts the helper when needed; resolves true once it listens, false when it cannot be used. */
  whenReady(): Promise<boolean> {
    if (this.isReady) return Promise.resolve(true);
    this.start();
    if (!this.child) return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Starts the helper unless it runs or is starting. */
  start(): void {
    if (this.child || !this.usable) return;
    const command = this.commands[this.current]!;
    const child = spawn(command.file, command.args, {
      env: { ...process.env, ...command.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own session: a terminal's Ctrl+C reaches only the engine, which then stops the nodes itself.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    this.child = child;
    this.envIds = new WeakMap();
    this.lost = '';
    // A write after the helper died fails; its 'exit' does the cleaning up.
    child.stdin!.on('error', () => undefined);
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (this.lost = (this.lost + text).slice(-500)));
    onJsonLines<SpawnerReply>(child.stdout!, (reply) => this.receive(reply));
    child.on('error', () => this.died(child));
    child.on('exit', () => this.died(child));
    // Only pending launches keep the engine's event loop alive (see refresh()).
    this.refresh();
  }

  launch(request: LaunchRequest, handlers: LaunchHandlers): void {
    const id = this.nextId++;
    this.launches.set(id, { handlers });
    const { baseEnv, ...rest } = request;
    let envId = this.envIds.get(baseEnv);
    if (envId === undefined) {
      envId = this.nextId++;
      this.envIds.set(baseEnv, envId);
      this.send({ t: 'env', id: envId, env: baseEnv });
    }
    this.send({ t: 'launch', id, envId, ...rest });
    this.refresh();
  }

  /** Ends the helper (it exits when its stdin closes); processes it started keep running. */
  close(): void {
    const child = this.child;
    this.settleWaiters(false);
    if (!child) return;
    this.child = undefined;
    this.isReady = false;
    child.stdin!.end();
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
    child.unref();
  }

  private send(request: SpawnerRequest): void {
    this.child!.stdin!.write(`${JSON.stringify(request)}\n`);
  }

  private receive(reply: SpawnerReply): void {
    if (reply.t === 'ready') {
      this.isReady = true;
      return this.settleWaiters(true);
    }
    const launch = this.launches.get(reply.id);
    if (!launch) return;
    if (reply.t === 'pid') {
      launch.pid = reply.pid;
      return launch.handlers.onPid(reply.pid);
    }
    this.launches.delete(reply.id);
    this.refresh();
    if (reply.t === 'exit') launch.handlers.onExit(reply.code, reply.signal);
    else launch.handlers.onError(reply.message, reply.logs ? 'logs' : 'spawn');
  }

  /**
   * The helper exited or could not start. Its launches cannot report an exit status any more: their groups are
   * killed (nothing a node started may outlive it unseen) and they end as lost. A helper that never listened gives
   * way to the next command, started at once if someone waits for it; otherwise the next launch starts a new helper.
   */
  private died(child: ChildProcess): void {
    if (this.child !== child) return;
    this.child = undefined;
    const listened = this.isReady;
    this.isReady = false;
    if (listened) this.failures++;
    else {
      this.current++;
      this.failures = 0;
    }
    if (!listened && this.usable && this.readyWaiters.length > 0) this.start();
    else this.settleWaiters(false);
    const why = `the process that starts node processes stopped unexpectedly${this.lost ? ` (${this.lost.trim().split('\n').pop()})` : ''}`;
    const launches = [...this.launches.values()];
    this.launches.clear();
    for (const launch of launches) {
      if (launch.pid !== undefined) signalGroup(launch.pid, 'SIGKILL');
      launch.handlers.onError(why, 'lost');
    }
  }

  private settleWaiters(ready: boolean): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve(ready);
  }

  /** The helper's pipes keep the engine alive only while launches are pending, so a CLI run can end by itself. */
  private refresh(): void {
    const child = this.child;
    if (!child) return;
    const busy = this.launches.size > 0;
    for (const stream of [child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[]) {
      if (busy) stream.ref();
      else stream.unref();
    }
    if (busy) child.ref();
    else child.unref();
  }
}
