// Every command's handler, one domain file each; `satisfies` proves the set matches the command map exactly.
import { appHandlers } from './app.handlers';
import { exportHandlers } from './export.handlers';
import type { Handlers } from './handler-types';
import { hostHandlers } from './host.handlers';
import { modelHandlers } from './model.handlers';
import { pipelineHandlers } from './pipeline.handlers';
import { templateHandlers } from './template.handlers';
import { runHandlers } from './run.handlers';
import { trackingHandlers } from './tracking.handlers';

export const handlers = {
  ...appHandlers,
  ...pipelineHandlers,
  ...templateHandlers,
  ...exportHandlers,
  ...runHandlers,
  ...modelHandlers,
  ...trackingHandlers,
  ...hostHandlers,
} satisfies Handlers;
