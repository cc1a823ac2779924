// Starts the engine for one host (desktop, web server, CLI, tests): data home, database, API dispatch and events.
import type { AppInfo } from '../shared/api/index';
import type { ApiContext } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { EventBus } from './api/event-bus';
import type { HostDialogs } from './api/host-dialogs';
import { fromAppRoot } from './app-root';
import { resolveHome } from './home';
import { openDatabase } from './store/database';
import { DeploymentsRepo } from './store/deployments.repo';
import { ModelsRepo } from './store/models.repo';
import { PipelineChangeWatcher } from './pipelines/pipeline-change-watcher';
import { PipelinesRepo } from './store/pipelines.repo';
import { createRunService } from './runner/create-run-service';
import { TrackingService } from './tracking/tracking-service';

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
  /** Folder of pipeline templates; defaults to PIPEWRIGHT_TEMPLATES_DIR, else resources/templates in the package. */
  templatesDir?: string;
  /**
   * Command that starts a built-in node, before `run-node <type>`; default `[node, <appRoot>/dist/cli.js]`. The
   * Electron shell passes its own binary, with `{ ELECTRON_RUN_AS_NODE: '1' }` in `nodeCommandEnv`.
   */
  nodeCommand?: string[];
  /** Extra environment for built-in node processes only. */
  nodeCommandEnv?: Record<string, string>;
  /** Milliseconds a node's processes get between SIGTERM and SIGKILL on cancel and timeout (default 5000). */
  killGraceMs?: number;
  /** Native dialogs the desktop shell lends the `host.*` commands. */
  hostDialogs?: HostDialogs;
}

export function openEngine(options: EngineOptions): Engine {
  const home = resolveHome(options.home);
  const db = openDatabase(home.database, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const events = new EventBus();
  const runner = createRunService({ db, home, events, options });
  const models = new ModelsRepo(db);
  const tracking = new TrackingService(db, runner, models);
  const ctx: ApiContext = {
    db,
    home,
    events,
    pipelines: new PipelinesRepo(db),
    models,
    deployments: new DeploymentsRepo(db),
    runner,
    tracking,
    host: options.host,
    templatesDir: templatesDir(options),
    ...(options.hostDialogs ? { hostDialogs: options.hostDialogs } : {}),
  };
  runner.recover();
  const stopWatching = options.host === 'desktop' || options.host === 'web' ? watchOtherProcesses(ctx) : () => undefined;
  return {
    ctx,
    dispatch: createDispatch(ctx),
    close: () => {
      stopWatching();
      tracking.shutdown();
      runner.shutdown();
      db.close();
    },
  };
}

/**
 * The app and the web server show what a terminal (or another app) does on the same data home: its runs and sweeps,
 * live, the runs it deletes, and the pipelines it imports or changes. Returns what stops the pipeline watcher (the
 * runner and tracking stop their own followers at shutdown).
 */
function watchOtherProcesses(ctx: ApiContext): () => void {
  ctx.runner.followOtherProcesses((runIds) => ctx.events.publish('experiments.changed', { runIds, deleted: true }));
  ctx.tracking.followOtherProcesses((event) => ctx.events.publish('sweep.changed', event));
  const pipelineChanges = new PipelineChangeWatcher(ctx.pipelines, (event) => ctx.events.publish('pipeline.changed', event));
  pipelineChanges.start();
  return () => pipelineChanges.stop();
}

function templatesDir(options: EngineOptions): string {
  return options.templatesDir ?? process.env['PIPEWRIGHT_TEMPLATES_DIR'] ?? fromAppRoot('resources', 'templates');
}
