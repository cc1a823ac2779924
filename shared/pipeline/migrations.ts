// Numbered, forward-only migrations of the pipeline file format, applied one by one up to the current version.
import { CURRENT_SCHEMA_VERSION } from './pipeline.schema';

/** A migration from `from` to `from + 1`; pure, works on plain JSON. */
export interface PipelineMigration {
  from: number;
  description: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The real chain. Version 1 is the first released format, so it is empty today; each future format change adds
 * one module here (e.g. `v1-to-v2.ts`) with its own test, and bumps CURRENT_SCHEMA_VERSION.
 */
export const pipelineMigrations: readonly PipelineMigration[] = [];

/** Thrown when a document cannot be brought to the current version. */
export class SchemaVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaVersionError';
  }
}

/**
 * Brings a parsed document up to `target` with `chain`. Refuses documents newer than the app (never guesses), and
 * documents whose version is missing or not a positive integer.
 */
export function migratePipelineDocument(
  document: Record<string, unknown>,
  chain: readonly PipelineMigration[] = pipelineMigrations,
  target: number = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> {
  const version = document['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SchemaVersionError(
      `"schemaVersion" must be a positive integer (this app writes ${target}); found ${JSON.stringify(version)}`,
    );
  }
  if (version > target) {
    throw new SchemaVersionError(
      `this pipeline was written by a newer Pipewright (schemaVersion ${version}); this app reads up to ${target} — update Pipewright to open it`,
    );
  }
  let current = document;
  for (let v = version; v < target; v++) {
    const step = chain.find((m) => m.from === v);
    if (!step) throw new SchemaVersionError(`no migration from schemaVersion ${v} to ${v + 1}`);
    current = { ...step.migrate(current), schemaVersion: v + 1 };
  }
  return current;
}
