// Runs one node type in-process through runNode (the code `pipewright run-node` runs) on real files in a temp folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromAppRoot } from '../../../engine/app-root';
import type { NodeRunInfo } from '../../../engine/nodes/node-env';
import { runNode, type RunNodeResult } from '../../../engine/nodes/run-node';
import { MetricsTail } from '../../../engine/runner/metrics-tail';
import { tempDir } from '../../support/temp-home';

export interface NodeRun extends RunNodeResult {
  /** Output port → path (files may be absent when the node failed). */
  out: Record<string, string>;
  metrics: Record<string, number>;
  dir: string;
}

export interface NodeRunOptions {
  params?: Record<string, unknown>;
  inputs?: Record<string, string>;
  /** Output ports to request (written under a fresh temp folder). */
  outputs?: string[];
  baseDir?: string;
  run?: NodeRunInfo;
}

export async function runNodeType(type: string, options: NodeRunOptions = {}): Promise<NodeRun> {
  const dir = tempDir('pipewright-node-');
  const out = Object.fromEntries((options.outputs ?? []).map((port) => [port, join(dir, 'out', port)]));
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([port, path]) => [port, [path]]));
  const metricsFile = join(dir, 'metrics.json');
  const result = await runNode(
    type,
    { params: options.params ?? {}, inputs, outputs: out, metricsFile, baseDir: options.baseDir ?? dir, ...(options.run ? { run: options.run } : {}) },
    new AbortController().signal,
  );
  // Read as the runner reads it: a script node (script.python) writes the file itself, in either form.
  const { metrics } = new MetricsTail(metricsFile, () => undefined).finish();
  return { ...result, out, metrics, dir };
}

/** Path of a bundled dataset (real data: iris, wine, breast-cancer, diabetes). */
export function dataset(name: 'iris' | 'wine' | 'breast-cancer' | 'diabetes'): string {
  return fromAppRoot('resources', 'datasets', `${name}.csv`);
}

/** Writes a CSV file (lines joined with \n) in a temp folder and returns its path. */
export function csvFile(lines: string[], name = 'data.csv'): string {
  const path = join(tempDir('pipewright-csv-'), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Reads a CSV output back as rows of cells (simple files only: no quoted commas). */
export function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));
}

export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A stratified iris split: { train, test } paths. */
export async function irisSplit(seed = 42): Promise<{ train: string; test: string }> {
  const split = await runNodeType('data.split', { params: { testSize: 0.3, seed, stratify: 'species' }, inputs: { dataset: dataset('iris') }, outputs: ['train', 'test'] });
  if (split.exitCode !== 0) throw new Error(split.error);
  return { train: split.out['train']!, test: split.out['test']! };
}
