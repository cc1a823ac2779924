// export.preview and export.write over both transports (the dialog's calls), with real files on disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../engine/app';
import { createInMemoryChannel } from '../../engine/transports/in-memory';
import { createApiClient } from '../../shared/api/channel';
import { ApiError } from '../../shared/api/index';
import { tempDir } from '../support/temp-home';
import { connect, type Connected, type TransportName } from '../support/transports';
import { loadPipeline } from './support/export-fixtures';

const hello = loadPipeline('pipelines/hello.pipeline.json');

describe.each<TransportName>(['in-memory', 'websocket'])('export API over %s', (transport) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(transport, tempDir());
  });
  afterEach(async () => c.close());

  it('previews every target with the lint, filling in the default runner image', async () => {
    for (const target of ['github', 'gitlab', 'argo', 'kubeflow', 'tekton'] as const) {
      const preview = await c.api.invoke('export.preview', { document: hello, revision: 2, options: { target } });
      expect(preview.files).toHaveLength(1);
      expect(preview.files[0]!.content).toMatch(/^# Pipewright export of pipeline "hello" · revision 2 · graph fnv1a64:/);
      expect(preview.defaultRunnerImage).toMatch(/^pipewright-runner:\d/);
    }
  });

  it('returns blocking problems with no files, and refuses invalid options', async () => {
    const broken = { ...hello, nodes: hello.nodes.map((n) => (n.id === 'read' ? { ...n, params: { command: 'cat {{outputs.nope}}' } } : n)) };
    const preview = await c.api.invoke('export.preview', { document: broken, options: { target: 'argo' } });
    expect(preview.files).toEqual([]);
    expect(preview.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'unknown-placeholder', nodeId: 'read' }));
    const bad = await c.api.invoke('export.preview', { document: hello, options: { target: 'argo', schedule: 'daily' } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('invalid_input');
  });

  it('writes the export and the runner Dockerfile into a folder', async () => {
    const dir = tempDir();
    const { written } = await c.api.invoke('export.write', { document: hello, options: { target: 'github', runnerImage: 'ghcr.io/acme/runner:1' }, dir, dockerfile: true });
    expect(written).toEqual([join(dir, '.github/workflows/hello.yml'), join(dir, 'Dockerfile.pipewright-runner')]);
    expect(readFileSync(written[1]!, 'utf8')).toContain('pipewright run-node');
    const relative = await c.api.invoke('export.write', { document: hello, options: { target: 'github' }, dir: 'relative/dir' }).catch((e: unknown) => e);
    expect((relative as ApiError).code).toBe('invalid_input');
    expect(existsSync('relative/dir')).toBe(false);
    const aFile = join(dir, 'Dockerfile.pipewright-runner');
    const blocked = await c.api.invoke('export.write', { document: hello, options: { target: 'argo' }, dir: aFile }).catch((e: unknown) => e);
    expect((blocked as ApiError).code).toBe('invalid_input');
    expect((blocked as ApiError).message).toBe(`cannot write ${join(aFile, 'hello.argo.yaml')}: something already exists there [EEXIST]`);
  });
});

describe('export.write in web mode', () => {
  it('is refused: the browser downloads instead of writing to disk', async () => {
    const engine = openEngine({ home: tempDir(), host: 'web' });
    try {
      const api = createApiClient(createInMemoryChannel(engine));
      const refused = await api.invoke('export.write', { document: hello, options: { target: 'github' }, dir: tempDir() }).catch((e: unknown) => e);
      expect((refused as ApiError).code).toBe('unavailable');
    } finally {
      engine.close();
    }
  });
});
