// The canvas's connection rules: port types, single inputs, duplicates and cycles are refused with a reason.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkConnection } from '../../shared/graph/connection';
import { isPortCompatible } from '../../shared/graph/ports';
import { defineNodeType, type NodeTypeDefinition } from '../../shared/nodes/node-type';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';

const port = (id: string, type: 'dataset' | 'model' | 'any', extra = {}) => ({ id, type, label: id, ...extra });
const loader = defineNodeType({
  id: 'test.load', version: 1, category: 'data', title: 'Load', description: '', icon: 'database', runtime: 'builtin',
  inputs: [], outputs: [port('dataset', 'dataset')], params: () => z.object({}), example: { params: {} },
});
const trainer = defineNodeType({
  id: 'test.train', version: 1, category: 'train', title: 'Train', description: '', icon: 'brain', runtime: 'builtin',
  inputs: [port('dataset', 'dataset')], outputs: [port('model', 'model')], params: () => z.object({}), example: { params: {} },
});
const merger = defineNodeType({
  id: 'test.merge', version: 1, category: 'utility', title: 'Merge', description: '', icon: 'merge', runtime: 'builtin',
  inputs: [port('parts', 'any', { multiple: true })], outputs: [port('out', 'any')], params: () => z.object({}), example: { params: {} },
});
const registry = new Map<string, NodeTypeDefinition>([loader, trainer, merger].map((d) => [d.id, d as NodeTypeDefinition]));
const lookup = (id: string) => registry.get(id);

const node = (id: string, type: string) => ({ id, type, params: {}, position: { x: 0, y: 0 } });
const pipeline: Pick<Pipeline, 'nodes' | 'edges'> = {
  nodes: [node('load', 'test.load'), node('load2', 'test.load'), node('train', 'test.train'), node('merge', 'test.merge')],
  edges: [{ id: 'e1', source: 'load', sourceHandle: 'dataset', target: 'train', targetHandle: 'dataset' }],
};

describe('checkConnection', () => {
  it('accepts matching types and `any`', () => {
    expect(checkConnection(pipeline, lookup, { source: 'load2', sourceHandle: 'dataset', target: 'merge', targetHandle: 'parts' })).toEqual({ ok: true });
    expect(checkConnection(pipeline, lookup, { source: 'train', sourceHandle: 'model', target: 'merge', targetHandle: 'parts' })).toEqual({ ok: true });
  });

  it('refuses a type mismatch and says which types', () => {
    const verdict = checkConnection(pipeline, lookup, { source: 'train', sourceHandle: 'model', target: 'train', targetHandle: 'dataset' });
    expect(verdict.ok).toBe(false);
    const mismatch = checkConnection({ ...pipeline, edges: [] }, lookup, { source: 'merge', sourceHandle: 'out', target: 'train', targetHandle: 'dataset' });
    expect(mismatch).toEqual({ ok: true }); // any → dataset is allowed
    const wrong = checkConnection(
      { nodes: [...pipeline.nodes, node('train2', 'test.train')], edges: [] },
      lookup,
      { source: 'train', sourceHandle: 'model', target: 'train2', targetHandle: 'dataset' },
    );
    expect(wrong).toMatchObject({ ok: false, code: 'port-type-mismatch', reason: expect.stringContaining('produces a model') });
  });

  it('refuses a second edge into a single input', () => {
    const verdict = checkConnection(pipeline, lookup, { source: 'load2', sourceHandle: 'dataset', target: 'train', targetHandle: 'dataset' });
    expect(verdict).toMatchObject({ ok: false, code: 'input-occupied', reason: expect.stringContaining('already connected to load') });
  });

  it('refuses cycles and self-loops', () => {
    expect(checkConnection(pipeline, lookup, { source: 'train', target: 'load' })).toMatchObject({ ok: false, code: 'cycle' });
    expect(checkConnection(pipeline, lookup, { source: 'merge', target: 'merge' })).toMatchObject({ ok: false, code: 'self-loop' });
  });

  it('refuses unknown ports and duplicates', () => {
    expect(checkConnection(pipeline, lookup, { source: 'load', sourceHandle: 'nope', target: 'merge', targetHandle: 'parts' })).toMatchObject({ code: 'unknown-port' });
    const twice = { ...pipeline, edges: [{ id: 'm', source: 'load', sourceHandle: 'dataset', target: 'merge', targetHandle: 'parts' }] };
    expect(checkConnection(twice, lookup, { source: 'load', sourceHandle: 'dataset', target: 'merge', targetHandle: 'parts' })).toMatchObject({ code: 'duplicate-edge' });
  });
});

describe('isPortCompatible', () => {
  it('matches equal types and anything with any', () => {
    expect(isPortCompatible('dataset', 'dataset')).toBe(true);
    expect(isPortCompatible('any', 'model')).toBe(true);
    expect(isPortCompatible('metrics', 'any')).toBe(true);
    expect(isPortCompatible('model', 'dataset')).toBe(false);
  });
});
