// Starts the engine for one host (desktop, web server, CLI, tests): data home, database, API dispatch and events.
import type { AppInfo } from '../shared/api/index';
import type { ApiContext } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { EventBus } from './api/event-bus';
import { resolveHome } from './home';
import { openDatabase } from './store/database';
import { DeploymentsRepo } from './store/deployments.repo';
import { ModelsRepo } from './store/models.repo';
import { PipelinesRepo } from './store/pipelines.repo';

export interface Engine {
  ctx: ApiContext;
  dispatch: Dispatch;
  close(): void;
}

export interface EngineOptions {
  /** Data home; defaults to PIPEWRIGHT_HOME or ~/.pipewright. */
  home?: string;
  host: AppInfo['host'];
  /** better-sqlite3 binary for this runtime (the Electron shell's ABI differs from Node's). */
  nativeBinding?: string;
}

export function openEngine(options: EngineOptions): Engine {
  const home = resolveHome(options.home);
  const db = openDatabase(home.database, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const ctx: ApiContext = { db, home, events: new EventBus(), pipelines: new PipelinesRepo(db), models: new ModelsRepo(db), deployments: new DeploymentsRepo(db), host: options.host };
  return {
    ctx,
    dispatch: createDispatch(ctx),
    close: () => db.close(),
  };
}
