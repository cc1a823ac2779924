// Small helpers node implementations share: artifact paths by port, param paths, log lines, JSON artifacts.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readTable, writeTable } from '../ml/csv-io';
import type { Table } from '../ml/table';
import { NodeError, type NodeRunContext } from './node-implementation';

/** Path of a connected input; a required input that is not connected is a one-line error. */
export function inputPath(ctx: NodeRunContext, port: string): string {
  const path = ctx.inputs[port]?.[0];
  if (!path) throw new NodeError(`input "${port}" is not connected`);
  return path;
}

/** Path of an optional input, if connected. */
export function optionalInputPath(ctx: NodeRunContext, port: string): string | undefined {
  return ctx.inputs[port]?.[0];
}

/** Reads the dataset on an input port. */
export function readInputTable(ctx: NodeRunContext, port = 'dataset'): Table {
  return readTable(inputPath(ctx, port));
}

/** Writes a dataset to an output port (skipped when the caller did not ask for that output). */
export function writeOutputTable(ctx: NodeRunContext, port: string, table: Table): void {
  const path = ctx.outputs[port];
  if (path) writeTable(path, table);
}

/** Writes a JSON artifact (report, metrics, endpoint) to an output port, if requested. */
export function writeOutputJson(ctx: NodeRunContext, port: string, value: unknown): void {
  const path = ctx.outputs[port];
  if (path) writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** A file param resolved against the pipeline's folder (DESIGN §3). */
export function paramPath(ctx: NodeRunContext, value: string): string {
  return resolve(ctx.baseDir, value);
}

/** One line of the node's log (its stdout). */
export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
