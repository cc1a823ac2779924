// validatePipeline: each kind of problem is found, located (node, edge, path) and explained.
import { describe, expect, it } from 'vitest';
import { parsePipelineText } from '../../shared/pipeline/pipeline-file';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { hasErrors } from '../../shared/validation/problem';
import { validatePipeline } from '../../shared/validation/validate-pipeline';
import { readFixture } from '../support/fixtures';

function load(file: string): Pipeline {
  const parsed = parsePipelineText(readFixture(`pipelines/${file}`), file);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.pipeline;
}

const codes = (p: Pipeline) => validatePipeline(p).map((x) => x.code);

describe('validatePipeline', () => {
  it('finds nothing wrong with the hello fixture', () => {
    expect(validatePipeline(load('hello.pipeline.json'))).toEqual([]);
  });

  it('names every node of a cycle', () => {
    const [cycle] = validatePipeline(load('cycle.pipeline.yaml')).filter((p) => p.code === 'cycle');
    expect(cycle!.message).toContain('a → b → c → a');
    expect(cycle!.relatedNodeIds).toEqual(['a', 'b', 'c']);
  });

  it('reports unknown node types, unknown params and invalid param values on the node', () => {
    const p = load('hello.pipeline.json');
    p.nodes[0] = { ...p.nodes[0]!, type: 'nope.nothing' };
    p.nodes[1] = { ...p.nodes[1]!, params: { command: '', colour: 'red' } };
    const problems = validatePipeline(p);
    expect(problems.find((x) => x.code === 'unknown-node-type')).toMatchObject({ nodeId: 'write', path: 'nodes.0.type' });
    expect(problems.find((x) => x.code === 'unknown-param')).toMatchObject({ nodeId: 'read', path: 'nodes.1.params.colour' });
    expect(problems.find((x) => x.code === 'invalid-param')).toMatchObject({ nodeId: 'read', path: 'nodes.1.params.command' });
  });

  it('reports a missing required input and dangling or mistyped edges', () => {
    const p = load('hello.pipeline.json');
    p.nodes[1]!.inputs = [{ id: 'text', type: 'any' }, { id: 'model', type: 'model' }];
    p.nodes[0]!.outputs = [{ id: 'text', type: 'dataset' }];
    p.edges.push({ id: 'e2', source: 'write', sourceHandle: 'text', target: 'read', targetHandle: 'model' });
    p.edges.push({ id: 'e3', source: 'ghost', target: 'read' });
    const problems = validatePipeline(p);
    expect(problems.find((x) => x.code === 'port-type-mismatch')).toMatchObject({ edgeId: 'e2', nodeId: 'read' });
    expect(problems.find((x) => x.code === 'dangling-edge')).toMatchObject({ edgeId: 'e3' });
    p.edges = p.edges.filter((e) => e.id === 'e1');
    expect(codes(p)).toContain('missing-input');
  });

  it('reports two edges into a single input', () => {
    const p = load('hello.pipeline.json');
    p.nodes.push({ ...p.nodes[0]!, id: 'write2' });
    p.edges.push({ id: 'e2', source: 'write2', sourceHandle: 'text', target: 'read', targetHandle: 'text' });
    expect(codes(p)).toContain('input-occupied');
  });

  it('checks parameter references and resolves them before checking param types', () => {
    const p = load('hello.pipeline.json');
    p.nodes[0]!.params = { command: '{{params.missing}}' };
    expect(validatePipeline(p).find((x) => x.code === 'unknown-parameter')).toMatchObject({ nodeId: 'write' });
    p.parameters.push({ name: 'missing', type: 'string' });
    const problems = validatePipeline(p);
    expect(problems.find((x) => x.code === 'parameter-without-default')?.severity).toBe('warning');
    expect(hasErrors(problems)).toBe(false);
  });

  it('reports duplicate ids and a parameter default of the wrong type', () => {
    const p = load('hello.pipeline.json');
    p.nodes.push({ ...p.nodes[0]! });
    p.edges.push({ ...p.edges[0]! });
    p.parameters.push({ name: 'n', type: 'number', default: 'x' });
    expect(codes(p)).toEqual(expect.arrayContaining(['duplicate-node-id', 'duplicate-edge-id', 'parameter-default-type']));
  });

  it('warns about a node that nothing is connected to', () => {
    const p = load('hello.pipeline.json');
    p.nodes.push({ ...p.nodes[0]!, id: 'lonely' });
    const lonely = validatePipeline(p).find((x) => x.code === 'unreachable-output');
    expect(lonely).toMatchObject({ severity: 'warning', nodeId: 'lonely' });
  });
});
