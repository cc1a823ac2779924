// Copy/paste fragments: selection → valid pipeline file → pasted with fresh ids, edges remapped, parameters merged.
import { describe, expect, it } from 'vitest';
import { extractFragment, insertFragment } from '../../shared/graph/fragment';
import { parsePipelineText, serializePipeline } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { readFixture } from '../support/fixtures';

function hello(): Pipeline {
  const parsed = parsePipelineText(readFixture('pipelines/hello.pipeline.json'), 'hello.pipeline.json');
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.pipeline;
}

describe('copy and paste fragments', () => {
  it('copies the selected nodes, the edges between them and the parameters they use, as a valid pipeline file', () => {
    const fragment = extractFragment(hello(), ['write']);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['write']);
    expect(fragment.edges).toEqual([]);
    expect(fragment.parameters.map((p) => p.name)).toEqual(['greeting']);
    const both = extractFragment(hello(), ['write', 'read']);
    expect(both.edges).toHaveLength(1);
    expect(parsePipelineText(serializePipeline(both)).ok).toBe(true);
  });

  it('pastes into the same pipeline with fresh ids and remapped edges, at the requested point', () => {
    const doc = hello();
    const pasted = insertFragment(doc, extractFragment(doc, ['write', 'read']), { at: { x: 1000, y: 500 } });
    expect(pasted.nodeIds).toEqual(['write-2', 'read-2']);
    const copies = pasted.doc.nodes.slice(2);
    expect(copies.map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1240, y: 500 },
    ]);
    expect(pasted.doc.edges[1]).toMatchObject({ id: 'e1-2', source: 'write-2', target: 'read-2' });
    expect(pasted.addedParameters).toEqual([]);
  });

  it('adds parameters the target lacks and duplicates by offset', () => {
    const target: Pipeline = { schemaVersion: 1, name: 'other', parameters: [], nodes: [], edges: [] };
    const pasted = insertFragment(target, extractFragment(hello(), ['write']), { offset: { x: 40, y: 40 } });
    expect(pasted.addedParameters).toEqual(['greeting']);
    expect(pasted.doc.parameters).toHaveLength(1);
    expect(pasted.doc.nodes[0]!.position).toEqual({ x: 40, y: 40 });
  });

  it('drops edges whose ends are not in the fragment', () => {
    const fragment = { ...extractFragment(hello(), ['read']), edges: hello().edges };
    expect(insertFragment(hello(), fragment, { offset: { x: 0, y: 0 } }).doc.edges).toHaveLength(1);
  });
});
