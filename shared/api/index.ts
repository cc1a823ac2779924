// The API contract (DESIGN §6): the full command map, the event map, and the types clients and handlers share.
import type { z } from 'zod';
import { appCommands } from './app.commands';
import type { CommandSpec } from './define';
import { exportCommands } from './export.commands';
import { hostCommands } from './host.commands';
import { modelCommands, type DeploymentChangedEvent, type ModelChangedEvent } from './model.commands';
import { pipelineCommands, type PipelineChangedEvent } from './pipeline.commands';
import { templateCommands } from './template.commands';
import { runCommands } from './run.commands';
import { trackingCommands, type ExperimentsChangedEvent, type SweepChangedEvent } from './tracking.commands';
import type { RunEventBatch } from '../runs/run-events';

/** Every command, `noun.verb`. Names are API: never renamed. */
export const commands = {
  ...appCommands,
  ...pipelineCommands,
  ...templateCommands,
  ...exportCommands,
  ...runCommands,
  ...modelCommands,
  ...trackingCommands,
  ...hostCommands,
} satisfies Record<string, CommandSpec>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller passes (before defaults are applied). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = NonNullable<Commands[K]['output']>;

/** Every pushed event topic and its payload. */
export interface ApiEvents {
  'pipeline.changed': PipelineChangedEvent;
  /** Run events of every active run, batched about every 50 ms (never one message per log line). */
  'run.events': RunEventBatch;
  'model.changed': ModelChangedEvent;
  'deployment.changed': DeploymentChangedEvent;
  'experiments.changed': ExperimentsChangedEvent;
  'sweep.changed': SweepChangedEvent;
}
export type TopicName = keyof ApiEvents;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

export * from './define';
export type { AppInfo } from './app.commands';
export type { DeploymentChangedEvent, DeploymentRecord, ModelChangedEvent, ModelComparison, ModelLineage, ModelSummary, ModelVersionRecord } from './model.commands';
export type { ExperimentsChangedEvent, SweepChangedEvent } from './tracking.commands';
export type { PipelineChangedEvent, PipelineRecord, PipelineSummary, RevisionSummary } from './pipeline.commands';
export type { TemplateSummary } from './template.commands';
export type { ChosenPath } from './host.commands';
