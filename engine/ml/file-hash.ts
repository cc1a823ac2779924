// Content hashes of artifacts, for model lineage (which exact data a model was trained and evaluated on).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Hex SHA-256 of a file's bytes. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
