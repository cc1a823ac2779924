// diffPipelines: what changed between two revisions, ignoring layout.
import { describe, expect, it } from 'vitest';
import { parsePipelineText } from '../../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import { diffPipelines, isEmptyDiff } from '../../../shared/tracking/graph-diff';
import { readFixture } from '../../support/fixtures';

function hello(): Pipeline {
  const parsed = parsePipelineText(readFixture('pipelines/hello.pipeline.json'));
  if (!parsed.ok) throw new Error('fixture');
  return parsed.pipeline;
}

describe('diffPipelines', () => {
  it('finds nothing when only positions, labels and notes moved', () => {
    const a = hello();
    const b = hello();
    b.nodes[0]!.position = { x: 999, y: 1 };
    b.nodes[0]!.label = 'renamed';
    b.notes = [{ id: 'n', text: 'hi', position: { x: 0, y: 0 } }];
    expect(isEmptyDiff(diffPipelines(a, b))).toBe(true);
  });

  it('reports added and removed nodes and edges, changed params, settings and parameters', () => {
    const a = hello();
    const b = hello();
    b.nodes[1]!.params = { command: 'wc -l {{inputs.text}}' };
    b.nodes[1]!.settings = { retries: 2 };
    b.nodes.push({ id: 'extra', type: 'script.shell', params: { command: 'true' }, position: { x: 0, y: 0 } });
    b.edges = [];
    b.parameters[0]!.default = 'bonjour';
    a.nodes.push({ id: 'old', type: 'script.shell', params: { command: 'true' }, position: { x: 0, y: 0 } });
    const diff = diffPipelines(a, b);
    expect(diff.onlyInA).toEqual(['old']);
    expect(diff.onlyInB).toEqual(['extra']);
    expect(diff.edgesOnlyInA).toEqual(['write.text → read.text']);
    expect(diff.edgesOnlyInB).toEqual([]);
    expect(diff.changed).toEqual([
      {
        nodeId: 'read',
        changes: [
          { path: 'params.command', before: 'cat {{inputs.text}}', after: 'wc -l {{inputs.text}}' },
          { path: 'settings.retries', before: undefined, after: 2 },
        ],
      },
    ]);
    expect(diff.parameters).toEqual([{ path: 'parameters.greeting.default', before: 'hello', after: 'bonjour' }]);
  });
});
