// The model registry and deployments API over the in-memory and the WebSocket transports (same cases, real SQLite,
// a real prediction server process).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type DeploymentChangedEvent, type ModelChangedEvent } from '../../shared/api/index';
import { startDeployment } from '../../engine/deploy/deployments';
import type { NewModelVersion } from '../../engine/store/models.repo';
import { fixturePath } from '../support/fixtures';
import { tempDir } from '../support/temp-home';
import { connect, type Connected, type TransportName } from '../support/transports';

const newVersion = (metrics: Record<string, number>, params: Record<string, unknown>): NewModelVersion => ({
  name: 'churn',
  description: '',
  algorithm: 'random-forest',
  task: 'classification',
  target: 'label',
  lineage: { runId: 'run-7', nodeId: 'register', pipelineName: 'churn', pipelineRevision: 1, dataHashes: {} },
  params,
  metrics,
  features: [],
});

describe.each<TransportName>(['in-memory', 'websocket'])('model API over %s', (transport) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(transport, tempDir());
  });
  afterEach(async () => {
    await c.api.invoke('deployment.stop', { all: true });
    await c.close();
  });

  function register(metrics: Record<string, number>, params: Record<string, unknown>) {
    return c.engine.ctx.models.register(newVersion(metrics, params), (id, v) => {
      const path = join(c.engine.ctx.home.root, 'models', id, `v${v}`);
      mkdirSync(path, { recursive: true });
      return path;
    });
  }

  it('lists models and versions, moves aliases (with an event), compares two versions', async () => {
    register({ accuracy: 0.8, f1_macro: 0.7 }, { nEstimators: 10, seed: 1 });
    register({ accuracy: 0.85 }, { nEstimators: 50, seed: 1 });
    const events: ModelChangedEvent[] = [];
    c.api.subscribe('model.changed', (e) => events.push(e));
    expect(await c.api.invoke('model.list', {})).toMatchObject([{ name: 'churn', versionCount: 2, latestVersion: 2, aliases: {} }]);
    await c.api.invoke('model.setAlias', { name: 'churn', alias: 'production', version: 1 });
    const moved = await c.api.invoke('model.setAlias', { name: 'churn', alias: 'production', version: 2 });
    expect(moved.aliases).toEqual(['production']);
    expect((await c.api.invoke('model.versions', { name: 'churn' })).map((v) => [v.version, v.aliases])).toEqual([[2, ['production']], [1, []]]);
    await expect.poll(() => events.length).toBe(2);
    expect(events[0]).toEqual({ name: 'churn' });

    const comparison = await c.api.invoke('model.compare', { a: { name: 'churn', version: 1 }, b: { name: 'churn', version: 2 } });
    expect(comparison.params).toEqual([
      { name: 'nEstimators', a: 10, b: 50, changed: true },
      { name: 'seed', a: 1, b: 1, changed: false },
    ]);
    expect(comparison.metrics[0]).toMatchObject({ name: 'accuracy', a: 0.8, b: 0.85 });
    expect(comparison.metrics[0]!.delta).toBeCloseTo(0.05, 12);
    expect(comparison.metrics[1]).toEqual({ name: 'f1_macro', a: 0.7, b: null, delta: null });
    expect((await c.api.invoke('model.byRun', { runId: 'run-7' })).map((v) => v.version)).toEqual([1, 2]);
    expect(await c.api.invoke('model.removeAlias', { name: 'churn', alias: 'production' })).toEqual({ removed: true });
  });

  it('refuses bad aliases and unknown versions with clear errors', async () => {
    register({}, {});
    await expect(c.api.invoke('model.setAlias', { name: 'churn', alias: '1 bad', version: 1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(c.api.invoke('model.version', { name: 'churn', version: 3 })).rejects.toEqual(new ApiError('not_found', 'model "churn" has no version 3'));
  });

  it('lists a running deployment and stops it; a stopped one is not stopped twice', async () => {
    const model = fixturePath('node-examples/deploy.serve/model');
    const record = await startDeployment(c.engine.ctx.home, c.engine.ctx.deployments, { name: 'api-test', modelDir: model, modelName: null, modelVersion: null, port: 0, runId: null, nodeId: null });
    const listed = await c.api.invoke('deployment.list', {});
    expect(listed).toMatchObject([{ id: record.id, name: 'api-test', status: 'running' }]);
    expect((await fetch(`${listed[0]!.url}/health`)).status).toBe(200);
    const events: DeploymentChangedEvent[] = [];
    c.api.subscribe('deployment.changed', (e) => events.push(e));
    const stopped = await c.api.invoke('deployment.stop', { id: record.id.slice(0, 4) });
    expect(stopped).toMatchObject([{ id: record.id, status: 'stopped' }]);
    expect(() => process.kill(record.pid, 0)).toThrow();
    await expect.poll(() => events).toEqual([{ id: record.id, status: 'stopped' }]);
    expect(await c.api.invoke('deployment.stop', { all: true })).toEqual([]);
    await expect(c.api.invoke('deployment.stop', { id: 'zzzz' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('marks a deployment whose process died as exited', async () => {
    const model = fixturePath('node-examples/deploy.serve/model');
    const record = await startDeployment(c.engine.ctx.home, c.engine.ctx.deployments, { name: 'dies', modelDir: model, modelName: null, modelVersion: null, port: 0, runId: null, nodeId: null });
    process.kill(record.pid, 'SIGKILL');
    await expect.poll(async () => (await c.api.invoke('deployment.list', {}))[0]!.status).toBe('exited');
  });
});
