// The API contract: the same cases over the in-memory transport and the real WebSocket transport.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type PipelineChangedEvent } from '../../shared/api/index';
import { serializePipeline } from '../../shared/pipeline/pipeline-file';
import { readFixture } from '../support/fixtures';
import { tempDir } from '../support/temp-home';
import { connect, type Connected, type TransportName } from '../support/transports';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe.each<TransportName>(['in-memory', 'websocket'])('API over %s', (transport) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(transport, tempDir());
  });
  afterEach(async () => c.close());

  it('creates, lists, renames, duplicates and deletes pipelines', async () => {
    const created = await c.api.invoke('pipeline.create', { name: 'churn' });
    expect(created).toMatchObject({ name: 'churn', revision: 1, nodeCount: 0 });
    await c.api.invoke('pipeline.rename', { id: created.id, name: 'churn v2' });
    const copy = await c.api.invoke('pipeline.duplicate', { id: created.id });
    expect(copy.name).toBe('churn v2 copy');
    expect((await c.api.invoke('pipeline.list', {})).map((p) => p.name)).toEqual(['churn v2', 'churn v2 copy']);
    await c.api.invoke('pipeline.delete', { id: created.id });
    expect((await c.api.invoke('pipeline.list', {})).map((p) => p.name)).toEqual(['churn v2 copy']);
  });

  it('saves revisions and restores an earlier one', async () => {
    const { id, document } = await c.api.invoke('pipeline.create', { name: 'p' });
    const node = { id: 'a', type: 'script.shell', params: { command: 'true' }, position: { x: 1, y: 2 } };
    await c.api.invoke('pipeline.save', { id, document: { ...document, nodes: [node] } });
    const revisions = await c.api.invoke('pipeline.revisions', { id });
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
    const restored = await c.api.invoke('pipeline.restore', { id, revision: 1 });
    expect(restored).toMatchObject({ revision: 3, nodeCount: 0 });
    expect((await c.api.invoke('pipeline.revision', { id, revision: 2 })).document.nodes).toEqual([node]);
  });

  it('imports a file and exports it byte-identically', async () => {
    const text = readFixture('pipelines/hello.pipeline.json');
    const record = await c.api.invoke('pipeline.import', { text, fileName: 'hello.pipeline.json' });
    expect(record.name).toBe('hello');
    const exported = await c.api.invoke('pipeline.exportFile', { id: record.id });
    expect(exported).toEqual({ fileName: 'hello.pipeline.json', text });
    const again = await c.api.invoke('pipeline.import', { text, fileName: 'hello.pipeline.json' });
    expect(again.name).toBe('hello (2)');
    const replaced = await c.api.invoke('pipeline.import', { text: text.replace('"hello"', '"hello"'), fileName: 'x.json', replace: true });
    expect(replaced.id).toBe(record.id);
  });

  it('validates documents and returns problems', async () => {
    const text = readFixture('pipelines/cycle.pipeline.yaml');
    const record = await c.api.invoke('pipeline.import', { text, fileName: 'cycle.pipeline.yaml' });
    const problems = await c.api.invoke('pipeline.validate', { document: record.document });
    expect(problems.map((p) => p.code)).toContain('cycle');
    expect(serializePipeline(record.document)).toContain('"name": "cycle"');
  });

  it('maps errors to codes: invalid input, not found, conflict, invalid pipeline, unknown command', async () => {
    expect((await failure(c.api.invoke('pipeline.create', { name: '' }))).code).toBe('invalid_input');
    expect((await failure(c.api.invoke('pipeline.get', { id: 'nope' }))).code).toBe('not_found');
    await c.api.invoke('pipeline.create', { name: 'same' });
    expect((await failure(c.api.invoke('pipeline.create', { name: 'SAME' }))).code).toBe('conflict');
    const bad = await failure(c.api.invoke('pipeline.import', { text: '{"schemaVersion": 1}', fileName: 'bad.json' }));
    expect(bad.code).toBe('invalid_pipeline');
    expect(bad.problems?.length).toBeGreaterThan(0);
    expect((await failure(c.api.invoke('no.such' as 'app.info', {}))).code).toBe('unknown_command');
  });

  it('pushes pipeline.changed events to subscribers', async () => {
    const seen: PipelineChangedEvent[] = [];
    const unsubscribe = c.api.subscribe('pipeline.changed', (e) => seen.push(e));
    await c.api.invoke('app.info', {}); // the subscription is registered once a round trip has completed
    const { id } = await c.api.invoke('pipeline.create', { name: 'evented' });
    await c.api.invoke('pipeline.delete', { id });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([
      { id, revision: 1 },
      { id, revision: null, deleted: true },
    ]);
    unsubscribe();
  });

  it('describes the app and the node catalog', async () => {
    const info = await c.api.invoke('app.info', {});
    expect(info).toMatchObject({ host: 'test', version: expect.any(String) });
    const types = await c.api.invoke('nodeTypes.list', {});
    expect(types.find((t) => t.id === 'script.shell')?.params).toMatchObject({ type: 'object' });
  });
});
