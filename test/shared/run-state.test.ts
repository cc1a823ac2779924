// Folding run events into the UI's run state: node states, times, errors, metrics and their series, cache,
// telemetry, log line counts and gaps; replays (events at or below lastSeq) change nothing.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/runs/run-events';
import { applyLogGaps, applyRunEvents, initialRunState } from '../../shared/runs/run-state';

const base = { runId: 'r', at: 1000 };
const started: Extract<RunEvent, { type: 'run.started' }> = {
  ...base,
  seq: 1,
  type: 'run.started',
  pipelineName: 'p',
  pipelineId: 'pid',
  params: {},
  nodeIds: ['a', 'b'],
  trigger: 'ui',
  options: { scope: { mode: 'all', nodeIds: [] }, noCache: false, force: [], failFast: false },
};

describe('run state', () => {
  it('folds node and run events in seq order', () => {
    const events: RunEvent[] = [
      { ...base, seq: 2, type: 'node.started', nodeId: 'a', pid: 42, attempt: 1, at: 1100 },
      { ...base, seq: 3, type: 'node.log', nodeId: 'a', stream: 'stdout', text: 'hi', line: 0 },
      { ...base, seq: 4, type: 'node.metric', nodeId: 'a', name: 'loss', value: 0.5 },
      { ...base, seq: 5, type: 'node.telemetry', nodeId: 'a', peakRssBytes: 1024, cpuMs: 7 },
      { ...base, seq: 6, type: 'node.finished', nodeId: 'a', status: 'failed', exitCode: 3, durationMs: 90, cached: false, attempts: 1, error: 'exited with code 3', at: 1190 },
      { ...base, seq: 7, type: 'node.finished', nodeId: 'b', status: 'skipped', exitCode: null, durationMs: 0, cached: false, attempts: 0, error: 'upstream node a failed' },
      { ...base, seq: 8, type: 'run.finished', status: 'failed', durationMs: 200, counts: { failed: 1, skipped: 1 }, error: 'node a failed', at: 1200 },
    ];
    const state = applyRunEvents(initialRunState(started), events);
    expect(state).toMatchObject({ status: 'failed', finishedAt: 1200, lastSeq: 8, error: 'node a failed', pipelineId: 'pid' });
    expect(state.nodes['a']).toMatchObject({ status: 'failed', startedAt: 1100, pid: 42, exitCode: 3, metrics: { loss: 0.5 }, peakRssBytes: 1024, cpuMs: 7 });
    expect(state.nodes['b']).toMatchObject({ status: 'skipped', error: 'upstream node a failed' });
    expect(state.logLines).toEqual({ a: 1 });
    expect(applyRunEvents(state, events)).toEqual(state);
  });

  it('grows metric series with each point, a new array per batch that never changes an earlier state', () => {
    const point = (seq: number, step: number, value: number): RunEvent => ({ ...base, seq, type: 'node.metric', nodeId: 'a', name: 'loss', value, step });
    const first = applyRunEvents(initialRunState(started), [point(2, 0, 0.9), point(3, 1, 0.7)]);
    const second = applyRunEvents(first, [point(4, 2, 0.5), point(5, 3, 0.4), { ...base, seq: 6, type: 'node.metric', nodeId: 'a', name: 'acc', value: 0.8 }]);
    expect(first.nodes['a']!.series).toEqual({ loss: [{ step: 0, value: 0.9 }, { step: 1, value: 0.7 }] });
    expect(second.nodes['a']!.series!['loss']!.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    expect(second.nodes['a']!.series!['loss']).not.toBe(first.nodes['a']!.series!['loss']);
    expect(second.nodes['a']!.metrics).toEqual({ loss: 0.4, acc: 0.8 });
    expect(second.nodes['a']!.lastPoint).toEqual({ name: 'loss', step: 3, value: 0.4 });
    // A retry starts the series again.
    const retried = applyRunEvents(second, [{ ...base, seq: 7, type: 'node.started', nodeId: 'a', pid: 43, attempt: 2 }, point(8, 0, 1)]);
    expect(retried.nodes['a']!.series).toEqual({ loss: [{ step: 0, value: 1 }] });
    expect(retried.nodes['a']!.lastPoint).toEqual({ name: 'loss', step: 0, value: 1 });
  });

  it('counts skipped log lines from gaps', () => {
    const state = applyLogGaps(initialRunState(started), [{ nodeId: 'a', fromLine: 0, count: 5000 }]);
    expect(state.logLines['a']).toBe(5000);
  });

  it('keeps the nodes object when a batch only carries log lines, so node views skip it', () => {
    const state = initialRunState(started);
    const next = applyRunEvents(state, [{ ...base, seq: 2, type: 'node.log', nodeId: 'a', stream: 'stdout', text: 'x', line: 0 }]);
    expect(next.nodes).toBe(state.nodes);
    expect(next.logLines).toEqual({ a: 1 });
  });
});
