// `pipewright export` as a subprocess: files where each tool expects them, exit codes, --check drift, Dockerfile.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixtures';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

const metrics = fixturePath('exports/pipelines/metrics.pipeline.json');

describe('pipewright export', () => {
  it('writes every target where its tool expects it, prints the lint, and --check reports them up to date', () => {
    const home = tempDir();
    const out = tempDir();
    const result = runCli(['export', metrics, '--target', 'all', '--out', out, '--image', 'ghcr.io/acme/runner:2', '--dockerfile'], { home });
    expect(result.stderr).toContain('gitlab: info:');
    expect(result.status).toBe(0);
    for (const file of ['.github/workflows/number-stats.yml', '.gitlab-ci.yml', 'number-stats.argo.yaml', 'number-stats.kubeflow.yaml', 'number-stats.tekton.yaml', 'Dockerfile.pipewright-runner']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const check = runCli(['export', metrics, '--target', 'all', '--check', out], { home });
    expect(check.status).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(5);
    expect(check.stdout).not.toMatch(/stale|hand-edited|missing/);
  });

  it('--check tells stale, hand-edited and missing files apart (exit 1)', () => {
    const home = tempDir();
    const out = tempDir();
    const dir = tempDir();
    const pipeline = join(dir, 'stats.pipeline.json');
    writeFileSync(pipeline, readFileSync(metrics, 'utf8'));
    expect(runCli(['export', pipeline, '--target', 'gitlab', '--out', out], { home }).status).toBe(0);
    expect(runCli(['export', pipeline, '--target', 'argo', '--out', out], { home }).status).toBe(0);
    writeFileSync(join(out, 'number-stats.argo.yaml'), readFileSync(join(out, 'number-stats.argo.yaml'), 'utf8').replace('generateName', 'name'));
    writeFileSync(pipeline, readFileSync(metrics, 'utf8').replace('"default": 12', '"default": 13'));
    const check = runCli(['export', pipeline, '--target', 'all', '--check', out], { home });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^\.gitlab-ci\.yml: stale: the pipeline changed since it was exported$/m);
    expect(check.stdout).toMatch(/^number-stats\.argo\.yaml: hand-edited: .*and the pipeline has changed/m);
    expect(check.stdout).toMatch(/^number-stats\.tekton\.yaml: missing/m);
  });

  it('exits 2 for bad usage, invalid pipelines and lint errors, writing nothing', () => {
    const home = tempDir();
    const out = tempDir();
    expect(runCli(['export', metrics, '--target', 'jenkins'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--target must be one of') });
    expect(runCli(['export', metrics, '--target', 'argo', '--schedule', 'daily'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--schedule') });
    expect(runCli(['export', metrics, '--target', 'argo', '--rehearse'], { home })).toMatchObject({ status: 2, stderr: expect.stringContaining('--target gitlab') });
    expect(runCli(['export', fixturePath('pipelines/cycle.pipeline.yaml'), '--target', 'github', '--out', out], { home }).status).toBe(2);
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(metrics, 'utf8').replace('{{outputs.numbers}}', '{{outputs.nope}}'));
    const blocked = runCli(['export', broken, '--target', 'tekton', '--out', out], { home });
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(/tekton: error: node generate \(script\.shell\): the command writes \{\{outputs\.nope\}\}.*\[unknown-placeholder\]/);
    expect(existsSync(join(out, 'number-stats.tekton.yaml'))).toBe(false);
    const aFile = join(dir, 'not-a-folder');
    writeFileSync(aFile, '');
    expect(runCli(['export', metrics, '--target', 'github', '--out', aFile], { home })).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(`\npipewright: cannot write ${join(aFile, '.github/workflows/number-stats.yml')}: a file is in the way where a folder is needed [ENOTDIR]\n`),
    });
  });

  it('exports a stored pipeline by name with its revision in the header', () => {
    const home = tempDir();
    const out = tempDir();
    expect(runCli(['import', metrics], { home }).status).toBe(0);
    expect(runCli(['export', 'number stats', '--target', 'kubeflow', '--out', out], { home }).status).toBe(0);
    expect(readFileSync(join(out, 'number-stats.kubeflow.yaml'), 'utf8').split('\n')[0]).toMatch(/^# Pipewright export of pipeline "number stats" · revision 1 · /);
  });
});
