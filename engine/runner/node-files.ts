// Where a node's outputs, metrics and logs live in the run folder.
import { mkdirSync } from 'node:fs';
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
