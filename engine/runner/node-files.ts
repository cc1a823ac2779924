// Where a node's outputs, metrics and logs live in the run folder, and reading the metrics file a node wrote.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortDefinition } from '../../shared/nodes/node-type';

const EXTENSIONS: Record<string, string> = { dataset: '.csv', metrics: '.json' };

/** `<runDir>/<nodeId>/<port><ext>`: datasets get `.csv`, metrics `.json`; models and the rest are bare (often folders). */
export function outputPath(runDir: string, nodeId: string, port: PortDefinition): string {
  return join(runDir, nodeId, `${port.id}${EXTENSIONS[port.type] ?? ''}`);
}

/** `<runDir>/_metrics/<nodeId>.json` (port ids cannot start with `_`, so it never collides with an output). */
export function metricsPath(runDir: string, nodeId: string): string {
  return join(runDir, '_metrics', `${nodeId}.json`);
}

/** `<runDir>/_logs`, made when the first node of the run starts — once (a failing mkdir per node showed in profiles). */
export class LogFolder {
  private made = false;

  constructor(readonly path: string) {}

  /** The folder's path, the folder made first if it is not yet. */
  ensure(): string {
    if (!this.made) {
      mkdirSync(this.path, { recursive: true });
      this.made = true;
    }
    return this.path;
  }
}

/** The metrics a node wrote, plus a sentence per entry that was skipped (not a finite number, bad JSON). */
export function readMetrics(file: string): { metrics: Record<string, number>; warnings: string[] } {
  if (!existsSync(file)) return { metrics: {}, warnings: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { metrics: {}, warnings: [`the metrics file is not valid JSON (${(error as Error).message}); no metrics recorded`] };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { metrics: {}, warnings: ['the metrics file must hold a JSON object of {name: number}; no metrics recorded'] };
  }
  const metrics: Record<string, number> = {};
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
    else warnings.push(`metric "${name}" is not a finite number (${JSON.stringify(value)}); skipped`);
  }
  return { metrics, warnings };
}
