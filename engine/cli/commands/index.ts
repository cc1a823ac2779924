// Every CLI command, registered in help order. A new command is one file plus one line here.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerCompare } from './compare.command';
import { registerExport } from './export.command';
import { registerDeployments } from './deployments.command';
import { registerExportFile } from './export-file.command';
import { registerImport } from './import.command';
import { registerList } from './list.command';
import { registerNodes } from './nodes.command';
import { registerRun } from './run.command';
import { registerRunNode } from './run-node.command';
import { registerRuns } from './runs.command';
import { registerServe } from './serve.command';
import { registerServeModel } from './serve-model.command';
import { registerValidate } from './validate.command';

export const commandRegistrations: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerServe,
  registerValidate,
  registerRun,
  registerRuns,
  registerCompare,
  registerImport,
  registerExportFile,
  registerExport,
  registerList,
  registerNodes,
  registerRunNode,
  registerDeployments,
  registerServeModel,
];
