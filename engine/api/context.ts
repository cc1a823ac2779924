// What every handler may use: the store, the event bus, the data home and the host description.
import type { AppInfo } from '../../shared/api/index';
import type { HomePaths } from '../home';
import type { RunService } from '../runner/run-service';
import type { Db } from '../store/database';
import type { DeploymentsRepo } from '../store/deployments.repo';
import type { ModelsRepo } from '../store/models.repo';
import type { PipelinesRepo } from '../store/pipelines.repo';
import type { TrackingService } from '../tracking/tracking-service';
import type { EventBus } from './event-bus';
import type { HostDialogs } from './host-dialogs';

export interface ApiContext {
  db: Db;
  home: HomePaths;
  events: EventBus;
  pipelines: PipelinesRepo;
  runner: RunService;
  models: ModelsRepo;
  deployments: DeploymentsRepo;
  tracking: TrackingService;
  host: AppInfo['host'];
  /** Folder of `*.pipeline.json` templates. */
  templatesDir: string;
  /** Native dialogs, lent by the desktop shell. */
  hostDialogs?: HostDialogs;
}
