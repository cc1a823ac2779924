// Builds the engine's RunService from EngineOptions: built-in node command, kill grace, the spawner helper, UI batches
// on the event bus.
import { existsSync } from 'node:fs';
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
  // A CLI command may never run a node (a cached run, `runs`, `export`): its helper starts at the first launch.
  if (options.host === 'desktop' || options.host === 'web') void service.warmUp();
  return service;
}

/**
 * The spawner helper runs on this engine's own runtime (Electron's binary as Node under the desktop app). Not on
 * Windows, whose process creation does not copy the parent's memory; not without a built dist/spawner.js.
 */
function spawnerSetting(): { spawner?: SpawnerCommand } {
  const script = fromAppRoot('dist', 'spawner.js');
  if (process.platform === 'win32' || !existsSync(script)) return {};
  return { spawner: { file: process.execPath, args: [script], env: process.versions['electron'] ? { ELECTRON_RUN_AS_NODE: '1' } : {} } };
}
