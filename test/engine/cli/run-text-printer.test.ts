// The CLI's text output: a progress bar's \r repeats the node's prefix (what stays on a terminal is still marked),
// every line of a stderr block is coloured, the progress line shows the line a node is writing and the latest point of
// a metric series, cut to the width, and a run that did not succeed says why.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runs/run-events';
import { RunTextPrinter } from '../../../engine/cli/run-text-printer';
import type { LogChunk } from '../../../engine/runner/log-chunk';

const started: RunEvent = {
  type: 'run.started',
  runId: 'r',
  seq: 1,
  at: Date.now(),
  pipelineName: 'p',
  params: {},
  nodeIds: ['train'],
  trigger: 'cli',
  options: { scope: { mode: 'all', nodeIds: [] }, noCache: false, force: [], failFast: false },
};
const chunk = (stream: LogChunk['stream'], text: string, count: number): LogChunk => ({
  runId: 'r',
  nodeId: 'train',
  stream,
  firstSeq: 2,
  firstLine: 0,
  streamLine: 0,
  count,
  bytes: Buffer.from(text),
  terminated: true,
  at: 0,
});

function printer(color: boolean, columns = 40) {
  let out = '';
  const progress: string[] = [];
  const p = new RunTextPrinter({ write: (text, encoding) => (out += Buffer.from(text, encoding).toString('utf8')), progress: (text) => progress.push(text), columns, color });
  p.event(started);
  return { p, output: () => out, progress };
}

const finish = (p: RunTextPrinter) => p.event({ type: 'run.finished', runId: 'r', seq: 9, at: Date.now(), status: 'succeeded', durationMs: 5, counts: { succeeded: 1 } });

describe('RunTextPrinter', () => {
  it('repeats the prefix after each \\r of a progress bar, not in a CRLF line end', () => {
    const { p, output } = printer(false);
    p.logs(chunk('stderr', '\r 10%|#\r 50%|#####\r100%|##########\r\nnext', 2));
    finish(p);
    expect(output()).toContain('train │ \rtrain │  10%|#\rtrain │  50%|#####\rtrain │ 100%|##########\r\ntrain │ next\n');
  });

  it('colours every line of a stderr block on its own (the prefix resets colours)', () => {
    const { p, output } = printer(true);
    p.logs(chunk('stderr', 'first\nsecond', 2));
    finish(p);
    const prefix = '\u001b[36mtrain │ \u001b[0m';
    expect(output()).toContain(`${prefix}\u001b[31mfirst\u001b[0m\n${prefix}\u001b[31msecond\u001b[0m\n`);
  });

  it('ends with why the run did not succeed: what stopped it (its store could not be written), or its failed nodes', () => {
    const stopped = printer(false);
    const why = 'could not store the run (the disk is full [SQLITE_FULL]); it was stopped';
    stopped.p.event({ type: 'run.finished', runId: 'r', seq: 9, at: 0, status: 'failed', durationMs: 5, counts: { canceled: 1 }, error: why });
    expect(stopped.output()).toMatch(/run r failed in \d+ ms: 1 canceled — /);
    expect(stopped.output().endsWith(` — ${why}\n`)).toBe(true);
    const failed = printer(false);
    failed.p.event({ type: 'run.finished', runId: 'r', seq: 9, at: 0, status: 'failed', durationMs: 5, counts: { failed: 1 }, error: 'node train failed' });
    expect(failed.output()).toMatch(/run r failed in \d+ ms: 1 failed — node train failed\n$/);
  });

  it('shows the line a node is writing in the progress line, as plain text cut to the terminal width, until it ends', async () => {
    const { p, progress } = printer(false);
    p.lineInProgress({ nodeId: 'train', stream: 'stderr', text: '\u001b[32m 45%\u001b[0m|████▌     | 45/100 [00:02<00:03, 20.1it/s]' });
    p.logs(chunk('stdout', 'epoch 1', 1));
    await new Promise((r) => setTimeout(r, 40)); // the output is written (and the progress line redrawn) within ~15 ms
    const drawn = progress.filter((t) => t.startsWith('['));
    const line = drawn.at(-1)!;
    expect(line).toMatch(/^\[0\/1\] starting · \d+ ms · train: {2}45%\|█*/);
    expect(line).not.toContain('\u001b');
    expect(line.endsWith('…') && line.length === 39).toBe(true);
    p.lineInProgress({ nodeId: 'train', stream: 'stderr', text: '' });
    p.logs(chunk('stdout', 'epoch 2', 1));
    await new Promise((r) => setTimeout(r, 40));
    expect(progress.filter((t) => t.startsWith('[')).at(-1)).toMatch(/^\[0\/1\] starting · \d+ ms$/);
    finish(p);
  });

  it('shows the latest point of a series a running node writes, until the node ends', async () => {
    const { p, progress } = printer(false, 80);
    const point = (seq: number, step: number, value: number) => p.event({ type: 'node.metric', runId: 'r', seq, at: 0, nodeId: 'train', name: 'loss', value, step });
    point(2, 0, 0.9);
    point(3, 1, 0.41234);
    p.logs(chunk('stdout', 'epoch 1', 1));
    await new Promise((r) => setTimeout(r, 40));
    expect(progress.filter((t) => t.startsWith('[')).at(-1)).toMatch(/^\[0\/1\] starting · \d+ ms · train: loss 0\.4123 @ 1$/);
    p.event({ type: 'node.finished', runId: 'r', seq: 4, at: 0, nodeId: 'train', status: 'succeeded', exitCode: 0, durationMs: 5, cached: false, attempts: 1 });
    await new Promise((r) => setTimeout(r, 40));
    expect(progress.filter((t) => t.startsWith('[')).at(-1)).not.toContain('loss');
    finish(p);
  });
});
