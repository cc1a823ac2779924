// The capability lint: every setting a target can't express is a problem on its node; errors block the export.
import { describe, expect, it } from 'vitest';
import { exportPipeline } from '../../shared/export/export-pipeline';
import type { Pipeline, PipelineNode } from '../../shared/pipeline/pipeline.schema';
import type { ExportTarget } from '../../shared/nodes/node-type';
import { loadPipeline, optionsFor } from './support/export-fixtures';
import { testLookup } from './support/synthetic-types';

const mlFlow = loadPipeline('exports/pipelines/ml-flow.pipeline.json');

function lint(pipeline: Pipeline, target: ExportTarget, extra = {}) {
  return exportPipeline(pipeline, optionsFor(target, extra), undefined, testLookup);
}
const codes = (pipeline: Pipeline, target: ExportTarget, extra = {}) => lint(pipeline, target, extra).problems.map((p) => `${p.severity}:${p.code}${p.nodeId ? `@${p.nodeId}` : ''}`);

function withNode(node: Partial<PipelineNode> & { id: string; type: string }): Pipeline {
  return { ...mlFlow, nodes: [...mlFlow.nodes, { params: {}, position: { x: 0, y: 0 }, ...node }] };
}

describe('capability lint', () => {
  it('reports GPU, resources and retries on GitHub Actions on the node that asked', () => {
    const found = codes(mlFlow, 'github');
    expect(found).toEqual(expect.arrayContaining(['warning:gpu-unsupported@train_forest', 'warning:resources-unsupported@train_forest', 'warning:retries-limited@train_forest', 'info:timeout-rounded@report']));
  });

  it('clamps GitLab retries to 2 and says so; Kubernetes targets express resources silently', () => {
    expect(lint(mlFlow, 'gitlab').problems.find((p) => p.code === 'retries-limited')?.message).toMatch(/at most 2: exported as 2/);
    for (const target of ['argo', 'tekton', 'kubeflow'] as const) expect(codes(mlFlow, target).some((c) => /gpu|resources/.test(c))).toBe(false);
  });

  it('reports a per-task timeout Kubeflow cannot set, and local files pods cannot see', () => {
    expect(codes(mlFlow, 'kubeflow')).toEqual(expect.arrayContaining(['warning:timeout-unsupported@train_forest', 'warning:local-file@load']));
    expect(codes(mlFlow, 'github')).not.toContain('warning:local-file@load');
  });

  it('warns about side-effect nodes and blocks a target the node type declines, with its reason', () => {
    const pipeline = withNode({ id: 'serve', type: 'test.serve' });
    const withEdge = { ...pipeline, edges: [...pipeline.edges, { id: 'e9', source: 'train_forest', sourceHandle: 'model', target: 'serve', targetHandle: 'model' }] };
    expect(codes(withEdge, 'github')).toContain('warning:side-effects@serve');
    const blocked = lint(withEdge, 'kubeflow');
    expect(blocked.files).toEqual([]);
    expect(blocked.problems.find((p) => p.code === 'target-unsupported')).toMatchObject({ severity: 'error', nodeId: 'serve', message: expect.stringContaining('KServe') });
  });

  it('rejects placeholders nothing provides and unconnected inputs in script commands', () => {
    const bad = withNode({ id: 'bad', type: 'script.shell', params: { command: 'cat {{inputs.x}} > {{outputs.y}}; echo {{ secrets.bad-name }}' }, inputs: [{ id: 'x', type: 'any', optional: true }] });
    const found = codes(bad, 'gitlab');
    expect(found).toEqual(expect.arrayContaining(['error:unknown-placeholder@bad', 'error:unconnected-input@bad']));
    expect(found.filter((c) => c === 'error:unknown-placeholder@bad')).toHaveLength(2);
  });

  it('warns when a parameter sits in single quotes, where the exported shell variable would not expand', () => {
    const quoted = withNode({ id: 'q', type: 'script.shell', params: { command: "echo '{{params.target}}' \"{{params.target}}\"" } });
    expect(lint(quoted, 'tekton').problems.filter((p) => p.code === 'reference-in-single-quotes')).toHaveLength(1);
    const fine = withNode({ id: 'q', type: 'script.shell', params: { command: 'echo "{{params.target}}" \'literal\'' } });
    expect(codes(fine, 'tekton')).not.toContain('warning:reference-in-single-quotes@q');
  });

  it('handles schedules per target', () => {
    expect(codes(mlFlow, 'gitlab', { schedule: '0 3 * * *' })).toContain('info:schedule-outside');
    expect(codes(mlFlow, 'argo', { schedule: '0 3 * * *' })).toContain('warning:schedule-ignored');
    expect(codes(mlFlow, 'argo', { argoKind: 'CronWorkflow' })).toContain('error:schedule-missing');
    expect(codes(mlFlow, 'github', { schedule: '0 3 * * *' }).some((c) => c.includes('schedule'))).toBe(false);
  });

  it('lists the secrets to define, and refuses names GitHub reserves or GitLab keywords as job names', () => {
    expect(lint(mlFlow, 'tekton').problems.find((p) => p.code === 'secrets-needed')?.message).toMatch(/REGISTRY_TOKEN, SLACK_TOKEN in the Kubernetes Secret "pipewright-secrets"/);
    const reserved = withNode({ id: 'variables', type: 'script.shell', params: { command: 'echo {{secrets.GITHUB_PAT}}' } });
    expect(codes(reserved, 'gitlab')).toContain('error:reserved-job-name@variables');
    expect(codes(reserved, 'github')).toContain('error:secret-name@variables');
  });

  it('warns that GitHub actions cannot run in an Alpine job container', () => {
    const alpine = withNode({ id: 'tiny', type: 'script.shell', params: { command: 'true', image: 'alpine:3.20' } });
    expect(codes(alpine, 'github')).toContain('warning:alpine-container@tiny');
    expect(codes(alpine, 'gitlab')).not.toContain('warning:alpine-container@tiny');
  });

  it('refuses graphs over the targets\' size limits (GitHub jobs, GitLab needs)', () => {
    const many = Array.from({ length: 257 }, (_, i) => ({ id: `n${i}`, type: 'script.shell', params: { command: 'true' }, position: { x: 0, y: 0 } }));
    const wide: Pipeline = { schemaVersion: 1, name: 'wide', parameters: [], nodes: many, edges: many.slice(1, 52).map((n, i) => ({ id: `e${i}`, source: n.id, target: 'n0' })) };
    expect(codes(wide, 'github')).toContain('error:too-many-jobs');
    expect(codes(wide, 'gitlab')).toContain('error:too-many-needs@n0');
    expect(codes(wide, 'argo').some((c) => c.startsWith('error'))).toBe(false);
  });

  it('reminds to push the runner image when it has no registry in its name', () => {
    expect(codes(mlFlow, 'argo')).toContain('info:runner-image');
    expect(codes(mlFlow, 'argo', { runnerImage: 'ghcr.io/acme/pipewright-runner:1' })).not.toContain('info:runner-image');
    expect(codes(loadPipeline('pipelines/hello.pipeline.json'), 'argo')).not.toContain('info:runner-image');
  });

  it('passes validation errors through and exports nothing', () => {
    const cyclic = { ...mlFlow, edges: [...mlFlow.edges, { id: 'back', source: 'report', target: 'load' }] };
    const result = lint(cyclic, 'argo');
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => p.code)).toContain('cycle');
  });
});
