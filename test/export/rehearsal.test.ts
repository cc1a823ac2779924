// The GitLab rehearsal for real: the pipeline runs locally (`pipewright run`) and as its exported .gitlab-ci.yml in
// gitlab-ci-local (shell executor, --shell-isolation), and the metrics of every node must be the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixtures';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

const template = fileURLToPath(new URL('../../resources/templates/tabular-classification.pipeline.json', import.meta.url));

function rehearse(file: string) {
  return runCli(['export', file, '--target', 'gitlab', '--rehearse'], { home: tempDir() });
}

function writePipeline(nodes: unknown[]): string {
  const file = join(tempDir(), 'p.pipeline.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'rehearsed', nodes, edges: [] }));
  return file;
}

describe('pipewright export --target gitlab --rehearse', () => {
  it('reproduces the local metrics of a script pipeline, job by job', () => {
    const result = rehearse(fixturePath('exports/pipelines/metrics.pipeline.json'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('local run: succeeded');
    for (const job of ['generate', 'stats', 'squares']) expect(result.stdout).toContain(`gitlab job ${job}: passed`);
    expect(result.stdout).toContain('stats.count: local 12 · gitlab 12 same');
    expect(result.stdout).toContain('stats.sum: local 78 · gitlab 78 same');
    expect(result.stdout).toContain('squares.sum_of_squares: local 650 · gitlab 650 same');
  }, 120_000);

  it('runs the classification template\'s built-in nodes through `pipewright run-node` in CI with the same metrics', () => {
    const result = rehearse(template);
    expect(result.status, result.stderr).toBe(0);
    for (const job of ['load', 'split', 'train', 'evaluate', 'gate', 'register', 'serve']) expect(result.stdout).toContain(`gitlab job ${job}: passed`);
    expect(result.stdout).toMatch(/^evaluate\.accuracy: local (0\.\d+) · gitlab \1 same$/m);
    expect(result.stdout).toMatch(/^evaluate\.roc_auc: local (0\.\d+) · gitlab \1 same$/m);
    expect(result.stdout).toContain('not compared (side effects): register, serve');
    expect(result.stdout).toContain('rehearsal passed');
  }, 240_000);

  it('fails (exit 1) when CI computes a different metric', () => {
    const file = writePipeline([
      { id: 'env', type: 'script.shell', params: { command: 'if [ -n "$GITLAB_CI" ]; then v=1; else v=0; fi; echo "{\\"in_ci\\": $v}" > "$PIPEWRIGHT_METRICS"' }, position: { x: 0, y: 0 } },
    ]);
    const result = rehearse(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^env\.in_ci: local 0 · gitlab 1 DIFFERENT$/m);
  }, 120_000);

  it('fails (exit 1) and shows the job log when a job fails', () => {
    const result = rehearse(writePipeline([{ id: 'boom', type: 'script.shell', params: { command: 'echo going down; exit 3' }, position: { x: 0, y: 0 } }]));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('gitlab job boom: failed');
    expect(result.stdout).toContain('local run: failed');
    expect(result.stderr).toContain('going down');
  }, 120_000);
});
