// The GitLab rehearsal for real: gitlab-ci-local runs the exported pipeline with the shell executor and shell
// isolation, jobs pass artifacts through needs, and the metrics the jobs write come back.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixtures';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

describe('pipewright export --target gitlab --rehearse', () => {
  it('runs every job and reports the metrics each wrote', () => {
    const result = runCli(['export', fixturePath('exports/pipelines/metrics.pipeline.json'), '--target', 'gitlab', '--rehearse'], { home: tempDir() });
    expect(result.stderr).toContain('rehearsing the GitLab pipeline with gitlab-ci-local');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').sort()).toEqual(['generate: passed', 'squares.sum_of_squares = 650', 'squares: passed', 'stats.count = 12', 'stats.sum = 78', 'stats: passed']);
  }, 120_000);

  it('exits 1 and shows the job log when a job fails', () => {
    const dir = tempDir();
    const pipeline = `${dir}/failing.pipeline.json`;
    writeFileSync(
      pipeline,
      JSON.stringify({ schemaVersion: 1, name: 'failing', nodes: [{ id: 'boom', type: 'script.shell', params: { command: 'echo going down; exit 3' }, position: { x: 0, y: 0 } }], edges: [] }),
    );
    const result = runCli(['export', pipeline, '--target', 'gitlab', '--rehearse'], { home: tempDir() });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('boom: failed');
    expect(result.stderr).toContain('going down');
  }, 120_000);
});
