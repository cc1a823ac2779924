// Lines in progress in the UI: updates applied per node and stream, '' ends a line, nodes that stopped running are
// dropped, unchanged input keeps the same object (views keyed on it do not re-render), and one-line plain text.
import { describe, expect, it } from 'vitest';
import { applyLinesInProgress, lineInProgressOf } from '../../shared/runs/lines-in-progress';
import type { NodeRunState } from '../../shared/runs/run-state';

const node = (status: NodeRunState['status']): NodeRunState => ({ status, attempts: 1, cached: false, metrics: {} });

describe('lines in progress', () => {
  it('keeps the latest text of each running node and stream', () => {
    const nodes = { train: node('running'), eval: node('running') };
    const one = applyLinesInProgress({}, [{ nodeId: 'train', stream: 'stderr', text: '10%' }, { nodeId: 'train', stream: 'stderr', text: '20%' }], nodes);
    expect(one).toEqual({ train: { stderr: '20%' } });
    const two = applyLinesInProgress(one, [{ nodeId: 'train', stream: 'stdout', text: 'epoch 2' }, { nodeId: 'eval', stream: 'stdout', text: 'loading' }], nodes);
    expect(two).toEqual({ train: { stderr: '20%', stdout: 'epoch 2' }, eval: { stdout: 'loading' } });
    expect(one).toEqual({ train: { stderr: '20%' } }); // not changed in place
    expect(lineInProgressOf(two, 'train')).toBe('20%'); // stderr first: where progress bars go
    expect(lineInProgressOf(two, 'train', 'stdout')).toBe('epoch 2');
    expect(lineInProgressOf(two, 'eval')).toBe('loading');
    expect(lineInProgressOf(two, 'missing')).toBeUndefined();
    const ended = applyLinesInProgress(two, [{ nodeId: 'eval', stream: 'stdout', text: '' }, { nodeId: 'train', stream: 'stderr', text: '' }], nodes);
    expect(ended).toEqual({ train: { stdout: 'epoch 2' } });
  });

  it('drops the lines of nodes that stopped running and returns the same object when nothing changed', () => {
    const running = { train: node('running') };
    const shown = applyLinesInProgress({}, [{ nodeId: 'train', stream: 'stderr', text: '50%' }], running);
    expect(applyLinesInProgress(shown, [], running)).toBe(shown);
    expect(applyLinesInProgress(shown, [{ nodeId: 'train', stream: 'stderr', text: '50%' }], running)).toBe(shown);
    expect(applyLinesInProgress(shown, [], { train: node('failed') })).toEqual({});
    expect(applyLinesInProgress({}, [{ nodeId: 'late', stream: 'stdout', text: 'x' }], { late: node('succeeded') })).toEqual({});
  });
});
