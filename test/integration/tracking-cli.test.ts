// `pipewright run --sweep`, `pipewright runs` with filters and sorting, `pipewright runs delete` (ids, or a filter),
// and `pipewright compare` (text with metric series, JSON, HTML report) as subprocesses on a temp home, with exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunComparison, SweepRecord } from '../../shared/tracking/experiment-records';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';
import { sweepable } from '../support/sweepable-pipeline';

function setup(): { home: string; file: string } {
  const home = tempDir();
  const file = join(tempDir(), 'sweepable.pipeline.json');
  writeFileSync(file, JSON.stringify(sweepable()));
  return { home, file };
}

describe('pipewright run --sweep', () => {
  it('runs the grid, reuses the cache upstream, prints a line per run and the best one; exit 0', () => {
    const { home, file } = setup();
    const result = runCli(['run', file, '--sweep', 'depth=1,2,3,4', '--sweep-parallel', '2'], { home });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.match(/^sweep \S+: run \d\/4 depth=\d started: \S+$/gm)).toHaveLength(4);
    expect(result.stdout).toMatch(/^sweep \S+: run 4\/4 depth=4 succeeded in \d+ ms — accuracy 0\.7$/m);
    expect(result.stdout).toMatch(/^★\s+\S+\s+4\s+succeeded\s+0\.7$/m);
    expect(result.stdout).toMatch(/^sweep \S+ finished: best run \S+ \(depth=4\) with accuracy 0\.7 \(highest\)$/m);
    const runs = JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { counts: Record<string, number>; sweepId: string | null }[];
    expect(runs.map((r) => r.counts).sort((a, b) => (a['cached'] ?? 0) - (b['cached'] ?? 0))).toEqual([
      { succeeded: 3 },
      { succeeded: 2, cached: 1 },
      { succeeded: 2, cached: 1 },
      { succeeded: 2, cached: 1 },
    ]);
    expect(new Set(runs.map((r) => r.sweepId)).size).toBe(1);
  });

  it('samples N random combinations with a seed, ranks by a metric to minimise, prints JSON', () => {
    const { home, file } = setup();
    const args = ['run', file, '--sweep', 'depth=1:9', '--sweep-random', '3', '--seed', '5', '--sweep-metric', 'loss', '--json'];
    const first = JSON.parse(runCli(args, { home }).stdout) as SweepRecord;
    const again = JSON.parse(runCli(args, { home: tempDir() }).stdout) as SweepRecord;
    expect(first.runs.map((r) => r.params)).toEqual(again.runs.map((r) => r.params));
    expect(first).toMatchObject({ status: 'finished', metric: 'loss', goal: 'min', spec: { mode: 'random', samples: 3, seed: 5 } });
    const depths = first.runs.map((r) => r.params['depth'] as number);
    expect(first.runs.find((r) => r.runId === first.bestRunId)!.params['depth']).toBe(Math.max(...depths));
  });

  it('exit 2 for a bad sweep, 1 when a run of the sweep fails', () => {
    const { home, file } = setup();
    expect(runCli(['run', file, '--sweep', 'depth'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/--sweep takes name=values/) });
    expect(runCli(['run', file, '--sweep', 'colour=1,2'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/no such parameter \(its parameters: depth, rows\)/) });
    expect(runCli(['run', file, '--sweep', 'depth=1:3'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/a grid sweep needs a step/) });
    expect(runCli(['run', file, '--sweep-random', '2'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/needs at least one --sweep/) });
    // evaluate refuses depth 0.
    expect(runCli(['run', file, '--sweep', 'depth=0,1'], { home }).status).toBe(1);
  });
});

describe('pipewright runs and compare', () => {
  it('filters, sorts, shows metric columns; compare prints params, deltas and the best run, JSON, and an HTML report', () => {
    const { home, file } = setup();
    expect(runCli(['run', file, '--sweep', 'depth=1,2,3'], { home }).status).toBe(0);
    const listed = runCli(['runs', '--filter', 'accuracy >= 0.6', '--sort', 'params.depth', '--asc'], { home });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^RUN\s+PIPELINE\s+STATUS\s+TRIGGER\s+STARTED\s+DURATION\s+NODES\s+ACCURACY\n\S+ .*0\.6\n\S+ .*0\.65\n$/);
    expect(runCli(['runs', '--filter', 'accuracy >'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/--filter: cannot read the filter/) });
    expect(runCli(['runs', '--filter', 'accurcy > 1'], { home }).stderr).toMatch(/note: no run has metric accurcy/);

    const ids = (JSON.parse(runCli(['runs', '--json', '--sort', 'params.depth', '--asc'], { home }).stdout) as { id: string }[]).map((r) => r.id);
    const text = runCli(['compare', ids[0]!, ids[2]!], { home });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^\* depth\s+1\s+3$/m);
    expect(text.stdout).toMatch(/^accuracy \(↑\)\s+0\.55\s+0\.65 \(\+0\.1\) ★$/m);
    expect(text.stdout).toMatch(/^loss \(↓\)\s+1\s+0\.3333 \(-0\.6667\) ★$/m);
    expect(text.stdout).toContain(`best run by accuracy: ${ids[2]}`);

    const json = JSON.parse(runCli(['compare', ...ids, '--json', '--metric', 'loss'], { home }).stdout) as RunComparison;
    expect(json.bestRunId).toBe(ids[2]);
    expect(json.nodes.map((n) => n.nodeId)).toEqual(['prepare', 'train', 'evaluate']);

    const report = join(tempDir(), 'report.html');
    const written = runCli(['compare', ids[1]!, '--report', report], { home });
    expect(written.status, written.stderr).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/<title>Run \S+ — sweepable<\/title>[\s\S]*data-chart="metric-accuracy"><svg /);
    expect(runCli(['compare', ids[0]!], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/two or more run ids/) });
    expect(runCli(['compare', ids[0]!, 'nope'], { home })).toMatchObject({ status: 2, stderr: expect.stringMatching(/no run with id nope/) });
  });
});

describe('pipewright runs delete', () => {
  it('deletes runs and says what it gave back; an unknown id deletes nothing (exit 2)', () => {
    const { home, file } = setup();
    expect(runCli(['run', file, '--sweep', 'depth=1,2'], { home }).status).toBe(0);
    const ids = (JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(2);
    const unknown = runCli(['runs', 'delete', ids[0]!, 'nope'], { home });
    expect(unknown).toMatchObject({ status: 2, stderr: 'pipewright: no run with id nope\n' });
    const deleted = runCli(['runs', 'delete', ids[0]!], { home });
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/^deleted 1 run, freed \d+(\.\d)? (B|KiB|MiB)(; \d cached results? went with them \(those nodes run again next time\))?\n$/);
    expect((JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { id: string }[]).map((r) => r.id)).toEqual([ids[1]]);
  });

  it('deletes every run the listing flags select (a dry run first), never both ids and a selection', () => {
    const { home, file } = setup();
    expect(runCli(['run', file, '--sweep', 'depth=1,2,3'], { home }).status).toBe(0);
    const listed = (args: string[]) => (JSON.parse(runCli(['runs', ...args, '--json'], { home }).stdout) as { id: string }[]).map((r) => r.id);
    const shallow = listed(['--filter', 'params.depth < 3']);
    expect(shallow).toHaveLength(2);

    const dry = runCli(['runs', 'delete', '--filter', 'params.depth < 3', '--dry-run'], { home });
    expect(dry).toMatchObject({ status: 0, stdout: `${shallow.join('\n')}\nwould delete 2 runs (--dry-run: nothing was deleted)\n` });
    expect(listed([])).toHaveLength(3);

    expect(runCli(['runs', 'delete', shallow[0]!, '--filter', 'params.depth < 3'], { home })).toMatchObject({ status: 2, stderr: 'pipewright: give run ids or --filter/--pipeline/--search/--sweep, not both\n' });
    expect(runCli(['runs', 'delete'], { home })).toMatchObject({ status: 2, stderr: 'pipewright: give run ids, or choose runs with --filter/--pipeline/--search/--sweep\n' });
    const deleted = runCli(['runs', 'delete', '--filter', 'params.depth < 3'], { home });
    expect(deleted.stdout).toMatch(/^deleted 2 runs, freed /);
    expect(listed([])).toEqual(listed(['--filter', 'params.depth = 3']));
    expect(listed([])).toHaveLength(1);
  });
});

describe('pipewright compare of metric series', () => {
  it('prints each series per run: first → last value over its steps', () => {
    const home = tempDir();
    const file = join(tempDir(), 'curves.pipeline.json');
    const command = `for s in 0 1 2; do awk -v s=$s -v r={{params.rate}} 'BEGIN { printf "{\\"step\\": %d, \\"loss\\": %g}\\n", s, r * (3 - s) }' >> "$PIPEWRIGHT_METRICS"; done`;
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, name: 'curves', parameters: [{ name: 'rate', type: 'number', default: 1 }], nodes: [{ id: 'train', type: 'script.shell', params: { command }, position: { x: 0, y: 0 } }], edges: [] }),
    );
    for (const rate of ['1', '2']) expect(runCli(['run', file, '--param', `rate=${rate}`], { home }).status).toBe(0);
    const ids = (JSON.parse(runCli(['runs', '--json', '--sort', 'started', '--asc'], { home }).stdout) as { id: string }[]).map((r) => r.id);
    const text = runCli(['compare', ...ids], { home });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^SERIES\s+\S+\s+\S+\nloss\s+3 → 1 \(3 steps\)\s+6 → 2 \(3 steps\)$/m);
  });
});
