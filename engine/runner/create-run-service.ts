// Builds the engine's RunService from EngineOptions: built-in node command, kill grace, the spawner helper, UI batches
// on the event bus.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { EventBus } from '../api/event-bus';
import type { EngineOptions } from '../app';
import { fromAppRoot } from '../app-root';
import type { HomePaths } from '../home';
import type { Db } from '../store/database';
import { RunService } from './run-service';
import type { SpawnerCommand } from './spawner/spawner-client';

export const DEFAULT_KILL_GRACE_MS = 5000;

export function createRunService(deps: { db: Db; home: HomePaths; events: EventBus; options: EngineOptions }): RunService {
  const { options } = deps;
  const service = new RunService({
    db: deps.db,
    home: deps.home,
    settings: {
      nodeCommand: options.nodeCommand ?? [process.execPath, fromAppRoot('dist', 'cli.js')],
      nodeCommandEnv: options.nodeCommandEnv ?? {},
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      defaultConcurrency: availableParallelism(),
      ...spawnerSetting(),
    },
    // The CLI prints its own stream; batching for a UI nobody watches would only cost time.
    ...(options.host === 'cli' ? {} : { publish: (batch) => deps.events.publish('run.events', batch) }),
  });
  // The app and the web server start the helper at once, so even their first nodes are not forked from the engine.
  // A CLI command may never run a node (a cached run, `runs`, `export`): its helper starts once launches need it.
  if (options.host === 'desktop' || options.host === 'web') void service.warmUp();
  return service;
}

/**
 * The spawner helpers to try, best first (docs/runner.md, "Node processes"). On Linux, the system's Python 3 running
 * dist/spawner.py: its processes start with posix_spawn (a vfork-style clone), 2–2.5× faster than any fork from Node,
 * and it starts in ~10 ms, so it starts at a run's second launch (a one-node run does not need it). Then this engine's
 * own runtime running dist/spawner.js (Electron's binary as Node under the desktop app), whose start-up pays off only
 * after LAUNCHES_BEFORE_NODE_HELPER launches. None on Windows, whose process creation does not copy the parent's memory.
 * PIPEWRIGHT_SPAWNER=python|node|none picks one.
 */
function spawnerSetting(): { spawners?: SpawnerCommand[] } {
  if (process.platform === 'win32') return {};
  const choice = process.env['PIPEWRIGHT_SPAWNER'];
  const spawners = [
    choice === undefined || choice === 'python' ? pythonSpawner() : undefined,
    choice === undefined || choice === 'node' ? nodeSpawner() : undefined,
  ].filter((command) => command !== undefined);
  return spawners.length > 0 ? { spawners } : {};
}

/**
 * A 50-node CLI run took 291 ms with the Node helper started at its first launch and 244 ms without it (its start-up
 * is a second Node start-up, ~45 ms of CPU on the two cores the nodes also need): short runs never start it.
 */
export const LAUNCHES_BEFORE_NODE_HELPER = 100;

export function nodeSpawner(): SpawnerCommand | undefined {
  const script = fromAppRoot('dist', 'spawner.js');
  if (!existsSync(script)) return undefined;
  const env: Record<string, string> = process.versions['electron'] ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  return { file: process.execPath, args: [script], env, startAfterLaunches: LAUNCHES_BEFORE_NODE_HELPER };
}

/**
 * The system's python3 (not a virtual environment's, nor a version manager's shim that starts a shell first), isolated
 * from PYTHON* variables and site-packages. Its source goes in -c, so it also runs from inside the app's asar archive.
 */
export function pythonSpawner(): SpawnerCommand | undefined {
  const python = '/usr/bin/python3';
  const script = fromAppRoot('dist', 'spawner.py');
  if (process.platform !== 'linux' || !existsSync(python) || !existsSync(script)) return undefined;
  return { file: python, args: ['-I', '-S', '-c', readFileSync(script, 'utf8'), 'pipewright-spawner'], env: {}, startAfterLaunches: 2 };
}
