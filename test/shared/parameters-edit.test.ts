// Pipeline parameter edits: renaming rewrites every {{params.x}} reference; untouched nodes keep their objects.
import { describe, expect, it } from 'vitest';
import { addParameter, parameterRef, removeParameter, renameReferences, updateParameter } from '../../shared/graph/parameters-edit';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { wholeParameterRef } from '../../shared/pipeline/placeholders';

const doc: Pipeline = {
  schemaVersion: 1,
  name: 'p',
  parameters: [{ name: 'size', type: 'number', default: 0.2 }],
  nodes: [
    { id: 'a', type: 't', params: { testSize: '{{params.size}}', nested: { list: ['x {{ params.size }} y'] } }, position: { x: 0, y: 0 } },
    { id: 'b', type: 't', params: { other: '{{params.sizeable}}' }, position: { x: 0, y: 0 } },
  ],
  edges: [],
};

describe('parameter edits', () => {
  it('renames a parameter and every reference to it, and nothing else', () => {
    const next = updateParameter(doc, 0, { name: 'test_size', type: 'number', default: 0.2 });
    expect(next.parameters[0]!.name).toBe('test_size');
    expect(next.nodes[0]!.params).toEqual({ testSize: '{{params.test_size}}', nested: { list: ['x {{params.test_size}} y'] } });
    expect(next.nodes[1]).toBe(doc.nodes[1]);
    expect(renameReferences(doc, 'nope', 'x').nodes[0]).toBe(doc.nodes[0]);
  });

  it('adds parameters with unique names and removes them', () => {
    const added = addParameter(doc, { name: 'size', type: 'string' });
    expect(added.name).toBe('size-2');
    expect(removeParameter(added.doc, 0).parameters.map((p) => p.name)).toEqual(['size-2']);
  });

  it('writes and recognises whole references', () => {
    expect(parameterRef('lr')).toBe('{{params.lr}}');
    expect(wholeParameterRef('{{ params.lr }}')).toBe('lr');
    expect(wholeParameterRef('x {{params.lr}}')).toBeNull();
    expect(wholeParameterRef(3)).toBeNull();
  });
});
