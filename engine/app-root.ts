// Finds the package folder (where out/, resources/ and package.json live) from wherever this code was bundled to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The nearest ancestor folder holding Pipewright's package.json. */
export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pipewright') {
      return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Pipewright's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Path of a file or folder under the package root. */
export function fromAppRoot(...parts: string[]): string {
  return join(appRoot(), ...parts);
}
