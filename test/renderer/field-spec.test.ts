// Form generation: every zod field kind becomes the right widget with its bounds, options, defaults, descriptions and
// UI hints; and inline errors come from the same schema (with {{params.x}} references resolved).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, errorAt } from '../../renderer/src/designer/inspector/form/field-errors';
import { fieldsOf, humanize } from '../../renderer/src/designer/inspector/form/field-spec';
import { columnSuggestions } from '../../renderer/src/designer/inspector/form/column-suggestions';
import { getNodeType } from '../../shared/nodes/index';
import { defineNodeType, type NodeTypeDefinition } from '../../shared/nodes/node-type';
import { nodeSettingsSchema } from '../../shared/pipeline/pipeline.schema';

const params = z.object({
  testSize: z.number().gt(0).lt(1).default(0.2).describe('Share of rows held out.'),
  maxDepth: z.number().int().min(1).max(64).optional().describe('Tree depth.'),
  learningRate: z.number().min(0).multipleOf(0.01).default(0.1),
  criterion: z.enum(['gini', 'entropy']).default('gini'),
  shuffle: z.boolean().default(true),
  target: z.string().describe('Column to predict.').meta({ ui: { kind: 'column' } }),
  script: z.string().default('print(1)').meta({ ui: { kind: 'code', language: 'python' } }),
  data: z.string().default('data.csv').meta({ ui: { kind: 'file', extensions: ['csv'] } }),
  notes: z.string().optional().meta({ ui: { kind: 'multiline' } }),
  features: z.array(z.string()).default([]),
  weights: z.array(z.number()).optional(),
  env: z.record(z.string().regex(/^[A-Z_]+$/), z.string()).default({}),
  nested: z.object({ a: z.number() }).optional(),
  tuple: z.array(z.object({ x: z.number() })).optional(),
  mode: z.literal('fast').optional(),
  nullable: z.string().nullable().default(null),
});

describe('form generation', () => {
  const byName = new Map(fieldsOf(params).map((f) => [f.name, f]));

  it('maps every zod field to a widget kind, in schema order', () => {
    expect(fieldsOf(params).map((f) => [f.name, f.kind])).toEqual([
      ['testSize', 'number'],
      ['maxDepth', 'integer'],
      ['learningRate', 'number'],
      ['criterion', 'enum'],
      ['shuffle', 'boolean'],
      ['target', 'column'],
      ['script', 'code'],
      ['data', 'file'],
      ['notes', 'multiline'],
      ['features', 'list'],
      ['weights', 'list'],
      ['env', 'keyValue'],
      ['nested', 'group'],
      ['tuple', 'json'],
      ['mode', 'enum'],
      ['nullable', 'string'],
    ]);
  });

  it('carries bounds, steps, options, defaults, descriptions, required-ness and UI hints', () => {
    expect(byName.get('testSize')).toMatchObject({ label: 'Test size', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, default: 0.2, description: 'Share of rows held out.', required: false });
    expect(byName.get('maxDepth')).toMatchObject({ min: 1, max: 64, step: 1, required: false });
    expect(byName.get('learningRate')).toMatchObject({ step: 0.01, min: 0 });
    expect(byName.get('criterion')).toMatchObject({ options: ['gini', 'entropy'], default: 'gini' });
    expect(byName.get('target')).toMatchObject({ required: true, description: 'Column to predict.' });
    expect(byName.get('script')).toMatchObject({ language: 'python' });
    expect(byName.get('data')).toMatchObject({ extensions: ['csv'] });
    expect(byName.get('env')).toMatchObject({ keyPattern: '^[A-Z_]+$' });
    expect(byName.get('weights')).toMatchObject({ itemKind: 'number' });
    expect(byName.get('features')).toMatchObject({ itemKind: 'string' });
    expect(byName.get('nested')!.fields).toEqual([{ name: 'a', label: 'A', kind: 'number', required: true }]);
    expect(byName.get('mode')).toMatchObject({ options: ['fast'] });
  });

  it('builds the real registry forms: script.shell params and the run settings', () => {
    expect(fieldsOf(getNodeType('script.shell')!.params).map((f) => [f.name, f.kind, f.language])).toEqual([
      ['command', 'code', 'shell'],
      ['env', 'keyValue', undefined],
      ['image', 'string', undefined],
    ]);
    const settings = fieldsOf(nodeSettingsSchema);
    expect(settings.map((f) => [f.name, f.kind])).toEqual([
      ['timeoutSeconds', 'number'],
      ['retries', 'integer'],
      ['cache', 'boolean'],
      ['watchFiles', 'list'],
      ['resources', 'group'],
    ]);
    expect(settings[1]).toMatchObject({ min: 0, max: 10 });
    expect(settings[3]).toMatchObject({ label: 'Watch files', itemKind: 'string', description: expect.stringContaining('cache key') });
    expect(settings[4]!.fields!.map((f) => f.name)).toEqual(['cpu', 'memory', 'gpu']);
    expect(fieldsOf(nodeSettingsSchema)).toBe(settings);
  });

  it('humanises names', () => {
    expect(humanize('maxDepth')).toBe('Max depth');
    expect(humanize('test_size')).toBe('Test size');
    expect(humanize('nEstimators')).toBe('N estimators');
  });
});

describe('inline field errors', () => {
  const parameters = [
    { name: 'size', type: 'number' as const, default: 0.3 },
    { name: 'big', type: 'number' as const, default: 5 },
  ];

  it('reports schema messages by field path', () => {
    const errors = fieldErrors(params, { testSize: 2, target: 'y', env: { 'bad-name': 'x' } }, []);
    expect(errors.get('testSize')).toMatch(/<1|less than/i);
    expect(errorAt(errors, 'env')).toBeDefined();
    expect(errors.has('target')).toBe(false);
    expect(fieldErrors(params, {}, []).has('target')).toBe(true);
  });

  it('checks referenced parameters by their values, and flags unknown references', () => {
    expect(fieldErrors(params, { testSize: '{{params.size}}', target: 'y' }, parameters).size).toBe(0);
    expect(fieldErrors(params, { testSize: '{{params.big}}', target: 'y' }, parameters).has('testSize')).toBe(true);
    expect(fieldErrors(params, { testSize: '{{params.nope}}', target: 'y' }, parameters).get('testSize')).toMatch(/no pipeline parameter named "nope"/);
    expect(fieldErrors(params, { target: '{{params.nodefault}}' }, [{ name: 'nodefault', type: 'string' }]).size).toBe(0);
  });

  it('checks nested settings', () => {
    const errors = fieldErrors(nodeSettingsSchema, { retries: 11, resources: { memory: 'lots' } }, []);
    expect(errors.has('retries')).toBe(true);
    expect(errorAt(errors, 'resources')).toMatch(/memory quantity/);
  });
});

describe('column suggestions', () => {
  it('offers the distinct literal values of column params used in the pipeline', () => {
    const type = defineNodeType({
      id: 'test.train', version: 1, category: 'train', title: 'Train', description: '', icon: 'x', runtime: 'builtin', inputs: [], outputs: [],
      params: () => z.object({ target: z.string().meta({ ui: { kind: 'column' } }), note: z.string().optional() }),
      example: { params: { target: 'y' } },
    });
    const lookup = (id: string) => (id === type.id ? (type as NodeTypeDefinition) : undefined);
    const node = (id: string, params: Record<string, unknown>, t = 'test.train') => ({ id, type: t, params, position: { x: 0, y: 0 } });
    const doc = {
      schemaVersion: 1 as const, name: 'p', parameters: [], edges: [],
      nodes: [node('a', { target: 'price', note: 'x' }), node('b', { target: 'churn' }), node('c', { target: 'price' }), node('d', { target: '{{params.t}}' }), node('e', { target: 'zzz' }, 'other')],
    };
    expect(columnSuggestions(doc, lookup)).toEqual(['churn', 'price']);
    expect(columnSuggestions(null, lookup)).toEqual([]);
  });
});
