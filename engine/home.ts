// Where Pipewright keeps its state (DESIGN §7): PIPEWRIGHT_HOME, or ~/.pipewright for the CLI.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folders and files under the data home. */
export interface HomePaths {
  root: string;
  database: string;
  artifacts: string;
  cache: string;
}

/** The data home's folder: an explicit path, `PIPEWRIGHT_HOME`, or the default. */
export function homeRoot(explicit?: string): string {
  return resolve(explicit ?? process.env['PIPEWRIGHT_HOME'] ?? join(homedir(), '.pipewright'));
}

/** Resolves the data home from an explicit path, `PIPEWRIGHT_HOME`, or the default, and creates its folders. */
export function resolveHome(explicit?: string): HomePaths {
  const root = homeRoot(explicit);
  const paths = { root, database: join(root, 'pipewright.db'), artifacts: join(root, 'artifacts'), cache: join(root, 'cache') };
  for (const dir of [paths.root, paths.artifacts, paths.cache]) mkdirSync(dir, { recursive: true });
  return paths;
}
