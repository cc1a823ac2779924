// The pipeline-file migration mechanism: chains apply in order, gaps and newer versions are refused.
import { describe, expect, it } from 'vitest';
import { migratePipelineDocument, pipelineMigrations, SchemaVersionError, type PipelineMigration } from '../../shared/pipeline/migrations';
import { CURRENT_SCHEMA_VERSION } from '../../shared/pipeline/pipeline.schema';

const renameLinks: PipelineMigration = {
  from: 1,
  description: 'v1 → v2: "links" become "edges"',
  migrate: ({ links, ...rest }) => ({ ...rest, edges: links }),
};
const addNotes: PipelineMigration = {
  from: 2,
  description: 'v2 → v3: notes become a required list',
  migrate: (doc) => ({ ...doc, notes: doc['notes'] ?? [] }),
};

describe('migratePipelineDocument', () => {
  it('applies each step in order and stamps the new version', () => {
    const out = migratePipelineDocument({ schemaVersion: 1, name: 'p', links: [1] }, [addNotes, renameLinks], 3);
    expect(out).toEqual({ schemaVersion: 3, name: 'p', edges: [1], notes: [] });
  });

  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: 3, name: 'p' };
    expect(migratePipelineDocument(doc, [renameLinks, addNotes], 3)).toBe(doc);
  });

  it('refuses a gap in the chain', () => {
    expect(() => migratePipelineDocument({ schemaVersion: 1 }, [addNotes], 3)).toThrow(/no migration from schemaVersion 1 to 2/);
  });

  it('refuses newer, missing and malformed versions', () => {
    expect(() => migratePipelineDocument({ schemaVersion: 4 }, [], 3)).toThrow(SchemaVersionError);
    expect(() => migratePipelineDocument({}, [], 3)).toThrow(/positive integer/);
    expect(() => migratePipelineDocument({ schemaVersion: 1.5 }, [], 3)).toThrow(/positive integer/);
  });

  it('has a real chain that reaches the current version from every older one', () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) expect(pipelineMigrations.some((m) => m.from === v)).toBe(true);
    expect(pipelineMigrations.every((m) => m.from < CURRENT_SCHEMA_VERSION)).toBe(true);
  });
});
