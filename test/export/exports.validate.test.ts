// Every export of every fixture (and option variant) is valid by the target's own schema or parser, strictly.
import { describe, expect, it } from 'vitest';
import { exportPipeline } from '../../shared/export/export-pipeline';
import { EXPORT_TARGETS } from '../../shared/nodes/node-type';
import { exportFixtures, optionsFor } from './support/export-fixtures';
import { testLookup } from './support/synthetic-types';
import { validateExport } from './validators/index';

const cases = exportFixtures().flatMap(([name, pipeline]) => EXPORT_TARGETS.map((target) => [name, target, pipeline] as const));

describe.each(cases)('%s → %s', (_name, target, pipeline) => {
  it('exports without errors and validates', async () => {
    const result = exportPipeline(pipeline, optionsFor(target), 4, testLookup);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
    expect(await validateExport(target, result.files)).toEqual([]);
  });
});

describe('option variants', () => {
  const [, pipeline] = exportFixtures().find(([name]) => name === 'ml-flow')!;
  it.each([
    ['github', { schedule: '0 3 * * 1' }],
    ['argo', { argoKind: 'WorkflowTemplate', namespace: 'ml' }],
    ['argo', { argoKind: 'CronWorkflow', schedule: '0 3 * * 1' }],
    ['tekton', { namespace: 'ml', workspaceSize: '5Gi', secretName: 'churn-secrets' }],
    ['kubeflow', { secretName: 'churn-secrets' }],
    ['gitlab', { baseDir: 'pipelines/churn' }],
    ['gitlab', { schedule: '30 2 * * *' }],
  ] as const)('%s with %j validates', async (target, extra) => {
    const result = exportPipeline(pipeline, optionsFor(target, extra), undefined, testLookup);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(await validateExport(target, result.files)).toEqual([]);
    if (target === 'gitlab' && 'schedule' in extra) expect(result.files[0]!.content).toContain('# Scheduled pipeline: create the schedule "30 2 * * *" in GitLab');
  });
});
