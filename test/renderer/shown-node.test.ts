// The node the run panel shows by itself: a failure first, else the node started last that still runs, else the last
// one that ran — so the panel does not jump back to the first node when the run ends.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/runs/run-events';
import { runOptionsSchema } from '../../shared/runs/run-options';
import { applyRunEvents, initialRunState, type RunState } from '../../shared/runs/run-state';
import { nodeToShow } from '../../renderer/src/runs/shown-node';

let seq = 0;
const base = (at: number) => ({ runId: 'r1', seq: ++seq, at });
const started = (nodeId: string, at: number): RunEvent => ({ ...base(at), type: 'node.started', nodeId, pid: 100 + at, attempt: 1 });
const finished = (nodeId: string, at: number, status: 'succeeded' | 'failed' | 'cached' = 'succeeded'): RunEvent => ({
  ...base(at),
  type: 'node.finished',
  nodeId,
  status,
  exitCode: status === 'failed' ? 1 : null,
  durationMs: 1,
  cached: status === 'cached',
  attempts: status === 'cached' ? 0 : 1,
});

function run(...events: RunEvent[]): RunState {
  seq = 0;
  const state = initialRunState({ ...base(0), type: 'run.started', pipelineName: 'p', params: {}, nodeIds: ['load', 'split', 'train', 'evaluate'], trigger: 'ui', options: runOptionsSchema.parse({}) });
  return applyRunEvents(state, events.map((e, i) => ({ ...e, seq: i + 2 })));
}

describe('the node the run panel shows', () => {
  it('follows the node started last while nodes run, and stays on the last one when the run ends', () => {
    expect(nodeToShow(run())).toBe('load');
    expect(nodeToShow(run(finished('load', 1, 'cached'), started('split', 2), started('train', 3)))).toBe('train');
    expect(nodeToShow(run(started('split', 2), started('train', 3), finished('train', 4)))).toBe('split');
    expect(nodeToShow(run(started('split', 2), finished('split', 3), started('evaluate', 4), finished('evaluate', 5)))).toBe('evaluate');
  });

  it('shows a failed node before anything still running', () => {
    expect(nodeToShow(run(started('split', 1), started('train', 2), finished('split', 3, 'failed')))).toBe('split');
  });
});
