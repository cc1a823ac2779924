// Builds the engine's RunService from EngineOptions: built-in node command, kill grace, UI batches on the event bus.
import { availableParallelism } from 'node:os';
import type { EventBus } from '../api/event-bus';
import type { EngineOptions } from '../app';
import { fromAppRoot } from '../app-root';
import type { HomePaths } from '../home';
import type { Db } from '../store/database';
import { RunService } from './run-service';

export const DEFAULT_KILL_GRACE_MS = 5000;

export function createRunService(deps: { db: Db; home: HomePaths; events: EventBus; options: EngineOptions }): RunService {
  const { options } = deps;
  return new RunService({
    db: deps.db,
    home: deps.home,
    settings: {
      nodeCommand: options.nodeCommand ?? [process.execPath, fromAppRoot('dist', 'cli.js')],
      nodeCommandEnv: options.nodeCommandEnv ?? {},
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      defaultConcurrency: availableParallelism(),
    },
    // The CLI prints its own stream; batching for a UI nobody watches would only cost time.
    ...(options.host === 'cli' ? {} : { publish: (batch) => deps.events.publish('run.events', batch) }),
  });
}
