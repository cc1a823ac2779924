// ModelsRepo and DeploymentsRepo on a real SQLite file: versions, aliases, lineage lookups, refusal of bad references.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/index';
import { openDatabase } from '../../engine/store/database';
import { DeploymentsRepo } from '../../engine/store/deployments.repo';
import { ModelsRepo, type NewModelVersion } from '../../engine/store/models.repo';
import { tempDir } from '../support/temp-home';

const version = (name: string, overrides: Partial<NewModelVersion> = {}): NewModelVersion => ({
  name,
  description: '',
  algorithm: 'knn',
  task: 'classification',
  target: 'label',
  lineage: { runId: 'r1', nodeId: 'register', pipelineName: 'p', pipelineRevision: 2, dataHashes: { training: 'abc' } },
  params: { k: 5 },
  metrics: { accuracy: 0.9 },
  features: [{ name: 'x', kind: 'number' }],
  ...overrides,
});

function open() {
  const dir = tempDir();
  const file = join(dir, 'pipewright.db');
  const db = openDatabase(file);
  const store = (modelId: string, v: number) => {
    const path = join(dir, modelId, `v${v}`);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return { db, file, models: new ModelsRepo(db), deployments: new DeploymentsRepo(db), store };
}

describe('ModelsRepo', () => {
  it('numbers versions per model, keeps lineage, and survives a reopen', () => {
    const { db, file, models, store } = open();
    models.register(version('Churn'), store);
    models.register(version('churn', { metrics: { accuracy: 0.93 }, lineage: { runId: 'r2', nodeId: 'n', pipelineName: 'p', pipelineRevision: 3, dataHashes: {} } }), store, 'production');
    models.register(version('other'), store);
    db.close();
    const reopened = new ModelsRepo(openDatabase(file));
    expect(reopened.list()).toMatchObject([
      { name: 'Churn', versionCount: 2, latestVersion: 2, aliases: { production: 2 } },
      { name: 'other', versionCount: 1, latestVersion: 1, aliases: {} },
    ]);
    expect(reopened.versions('churn').map((v) => [v.version, v.aliases, v.metrics['accuracy']])).toEqual([[2, ['production'], 0.93], [1, [], 0.9]]);
    expect(reopened.byRun('r1').map((v) => `${v.name} v${v.version}`)).toEqual(['Churn v1', 'other v1']);
    expect(reopened.version('churn', 1).lineage).toEqual({ runId: 'r1', nodeId: 'register', pipelineName: 'p', pipelineRevision: 2, dataHashes: { training: 'abc' } });
  });

  it('moves an alias, removes it, and refuses unknown models and versions', () => {
    const { models, store } = open();
    models.register(version('m'), store, 'staging');
    models.register(version('m'), store);
    expect(models.setAlias('m', 'staging', 2).aliases).toEqual(['staging']);
    expect(models.version('m', 1).aliases).toEqual([]);
    expect(models.versionByAlias('m', 'staging')?.version).toBe(2);
    expect(models.removeAlias('m', 'staging')).toBe(true);
    expect(models.versionByAlias('m', 'staging')).toBeUndefined();
    expect(() => models.setAlias('m', 'production', 9)).toThrow(new ApiError('not_found', 'model "m" has no version 9'));
    expect(() => models.versions('nope')).toThrow(new ApiError('not_found', 'no registered model named "nope"'));
  });

  it('registers nothing when storing the artifact fails', () => {
    const { models } = open();
    expect(() => models.register(version('m'), () => { throw new Error('disk full'); })).toThrow('disk full');
    expect(models.list()).toEqual([]);
  });
});

describe('DeploymentsRepo', () => {
  it('records deployments, finds them by unique id prefix, and marks them ended once', () => {
    const { deployments } = open();
    const base = { name: 'd', modelName: null, modelVersion: null, modelPath: '/m', host: '127.0.0.1', port: 9000, pid: 1, runId: null, nodeId: null, logPath: '/l' };
    deployments.add({ ...base, id: 'abc123' });
    deployments.add({ ...base, id: 'abd456', port: 9001 });
    expect(deployments.find('abc').url).toBe('http://127.0.0.1:9000');
    expect(() => deployments.find('ab')).toThrow(/"ab" matches 2 deployments/);
    expect(() => deployments.find('zz')).toThrow(/no deployment with id zz/);
    expect(deployments.markEnded('abc123', 'stopped').status).toBe('stopped');
    expect(deployments.markEnded('abc123', 'exited').status).toBe('stopped');
    expect(deployments.running().map((d) => d.id)).toEqual(['abd456']);
    // A status check that finds the process gone while a stop is under way records the stop, not a crash.
    deployments.markStopping('abd456');
    expect(deployments.markEnded('abd456', 'exited').status).toBe('stopped');
  });
});
