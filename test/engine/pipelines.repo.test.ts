// PipelinesRepo on a real SQLite file: revisions on every change, restore, name rules, and survival across reopen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/index';
import { emptyPipeline, type Pipeline } from '../../shared/pipeline/pipeline.schema';
import { openDatabase } from '../../engine/store/database';
import { PipelinesRepo } from '../../engine/store/pipelines.repo';
import { tempDir } from '../support/temp-home';

const withNode = (doc: Pipeline, id: string): Pipeline => ({
  ...doc,
  nodes: [...doc.nodes, { id, type: 'script.shell', params: { command: 'true' }, position: { x: 0, y: 0 } }],
});

describe('PipelinesRepo', () => {
  it('keeps a revision per change, skips no-op saves, and survives a reopen', () => {
    const file = join(tempDir(), 'pipewright.db');
    let db = openDatabase(file);
    let repo = new PipelinesRepo(db);
    const created = repo.create(emptyPipeline('churn'));
    expect(created.revision).toBe(1);
    const r2 = repo.save(created.id, withNode(created.document, 'a'));
    expect(r2.revision).toBe(2);
    expect(repo.save(created.id, withNode(created.document, 'a')).revision).toBe(2);
    db.close();

    db = openDatabase(file);
    repo = new PipelinesRepo(db);
    expect(repo.get(created.id)).toMatchObject({ name: 'churn', revision: 2, nodeCount: 1 });
    expect(repo.revisions(created.id).map((r) => [r.revision, r.reason])).toEqual([
      [2, 'save'],
      [1, 'create'],
    ]);
    expect(repo.document(created.id, 1).nodes).toEqual([]);
    db.close();
  });

  it('refuses duplicate names (case-insensitive) and stale saves', () => {
    const repo = new PipelinesRepo(openDatabase(join(tempDir(), 'p.db')));
    const a = repo.create(emptyPipeline('Alpha'));
    expect(() => repo.create(emptyPipeline('alpha'))).toThrow(/already exists/);
    expect(repo.uniqueName('ALPHA')).toBe('ALPHA (2)');
    expect(repo.create(emptyPipeline('ALPHA'), 'import', null, { freeName: true })).toMatchObject({ name: 'ALPHA (2)', document: { name: 'ALPHA (2)' } });
    repo.save(a.id, withNode(a.document, 'x'));
    try {
      repo.save(a.id, withNode(a.document, 'y'), 'save', 1);
      expect.unreachable('a stale save must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('conflict');
    }
  });

  it('finds by id or name, and deletes a pipeline with its revisions', () => {
    const db = openDatabase(join(tempDir(), 'p.db'));
    const repo = new PipelinesRepo(db);
    const a = repo.create(emptyPipeline('Beta'));
    expect(repo.find('beta')?.id).toBe(a.id);
    expect(repo.find(a.id)?.name).toBe('Beta');
    repo.delete(a.id);
    expect(repo.find('beta')).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM pipeline_revisions').get()).toEqual({ n: 0 });
    expect(() => repo.get(a.id)).toThrow(/no pipeline/);
  });
});
