// The template API over both transports: list templates (with why one cannot be used), create pipelines from them.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/channel';
import { ApiError } from '../../shared/api/index';
import { openEngine } from '../../engine/app';
import { createInMemoryChannel } from '../../engine/transports/in-memory';
import { fixturePath } from '../support/fixtures';
import { tempDir } from '../support/temp-home';
import { connect, type TransportName } from '../support/transports';

const FIXTURES = fixturePath('templates');

describe.each<TransportName>(['in-memory', 'websocket'])('template API over %s', (transport) => {
  async function api() {
    process.env['PIPEWRIGHT_TEMPLATES_DIR'] = FIXTURES;
    try {
      return await connect(transport, tempDir());
    } finally {
      delete process.env['PIPEWRIGHT_TEMPLATES_DIR'];
    }
  }

  it('lists every *.pipeline.json template, saying which cannot be used and why', async () => {
    const c = await api();
    try {
      const list = await c.api.invoke('template.list', {});
      expect(list.map((t) => t.id)).toEqual(['broken', 'needs-catalog', 'two-steps']);
      expect(list[0]!.error).toMatch(/^broken\.pipeline\.json is not valid JSON/);
      expect(list[1]).toMatchObject({ name: 'Needs the catalog', missingNodeTypes: ['fixture.not-installed'] });
      expect(list[2]).toEqual({ id: 'two-steps', name: 'Two steps', description: 'A step and the step after it.', nodeCount: 2, missingNodeTypes: [] });
    } finally {
      await c.close();
    }
  });

  it('creates pipelines from a template with unique names, and refuses unusable or unknown templates', async () => {
    const c = await api();
    try {
      const first = await c.api.invoke('template.create', { id: 'two-steps' });
      expect(first).toMatchObject({ name: 'Two steps', nodeCount: 2, sourceDir: FIXTURES });
      expect(first.document.edges).toHaveLength(1);
      expect((await c.api.invoke('template.create', { id: 'two-steps' })).name).toBe('Two steps (2)');
      expect((await c.api.invoke('template.create', { id: 'two-steps', name: 'mine' })).name).toBe('mine');
      expect((await c.api.invoke('pipeline.revisions', { id: first.id }))[0]!.reason).toBe('from template two-steps');
      const refusal = async (id: string) => {
        const error = await c.api.invoke('template.create', { id }).then(
          () => null,
          (e: unknown) => e as ApiError,
        );
        return error && [error.code, error.message];
      };
      expect(await refusal('needs-catalog')).toEqual(['invalid_pipeline', 'template "needs-catalog" needs node types this build does not have: fixture.not-installed']);
      expect((await refusal('broken'))![0]).toBe('invalid_pipeline');
      expect(await refusal('nope')).toEqual(['not_found', 'there is no template "nope"']);
      expect((await refusal('../etc/passwd'))![0]).toBe('invalid_input');
    } finally {
      await c.close();
    }
  });
});

describe('templates folder', () => {
  it('defaults to resources/templates, whose templates are all usable and valid', async () => {
    const engine = openEngine({ home: tempDir(), host: 'test' });
    try {
      const api = createApiClient(createInMemoryChannel(engine));
      const list = await api.invoke('template.list', {});
      expect(list.map((t) => t.id)).toContain('shell-steps');
      for (const t of list.filter((t) => t.missingNodeTypes.length === 0)) {
        expect(t.error).toBeUndefined();
        const record = await api.invoke('template.create', { id: t.id });
        expect(await api.invoke('pipeline.validate', { document: record.document })).toEqual([]);
      }
    } finally {
      engine.close();
    }
  });

  it('is empty, not an error, when the folder does not exist', async () => {
    const engine = openEngine({ home: tempDir(), host: 'test', templatesDir: tempDir() + '/missing' });
    try {
      expect(await createApiClient(createInMemoryChannel(engine)).invoke('template.list', {})).toEqual([]);
    } finally {
      engine.close();
    }
  });
});
