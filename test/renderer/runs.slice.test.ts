// The runs slice against a real engine: a resume after missed batches (a reconnect, a run followed from another
// process) folds in what was missed, progress bars of nodes that ended meanwhile included, and the runs list follows.
import { describe, expect, it } from 'vitest';
import { applyRunEvents, initialRunState } from '../../shared/runs/run-state';
import { openStore, shellNode } from './store-harness';

describe('runs slice', () => {
  it('a resume drops the progress bars of nodes that ended meanwhile', async () => {
    // Before: resumeRun folded the missed events but kept every line in progress, so a node shown succeeded still
    // showed its last progress bar (seen on a terminal's run followed by the app).
    const { store, connected } = await openStore({ nodes: [shellNode('a')] });
    const run = await connected.api.invoke('run.start', { pipelineId: store.getState().openId! });
    for (let tries = 0; (await connected.api.invoke('run.get', { runId: run.id })).status === 'running' && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // The view as it was mid-run: events up to the node's start seen, its progress bar on screen.
    const { events } = await connected.api.invoke('run.events', { runId: run.id, afterSeq: 0 });
    const started = events.findIndex((e) => e.type === 'node.started');
    const [first] = events;
    if (first?.type !== 'run.started') throw new Error('a run begins with run.started');
    const midRun = applyRunEvents(initialRunState(first), events.slice(0, started + 1));
    expect(midRun.nodes['a']!.status).toBe('running');
    store.setState({ shownRun: midRun, linesInProgress: { a: { stderr: ' 50%|#####     | 5/10' } } });

    await store.getState().resumeRun();
    expect(store.getState().shownRun!.nodes['a']!.status).toBe('succeeded');
    expect(store.getState().linesInProgress).toEqual({});
  });

  it('a batch that ends the run reads the runs list again, also when it sends the view to resume first', async () => {
    // Before: a batch past a gap went to resumeRun and returned before the list was read, so History kept showing the
    // run "running" (seen once in Chromium with a terminal's run on a loaded machine).
    const { store, connected } = await openStore({ nodes: [shellNode('a')] });
    const run = await connected.api.invoke('run.start', { pipelineId: store.getState().openId! });
    for (let tries = 0; (await connected.api.invoke('run.get', { runId: run.id })).status === 'running' && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const { events } = await connected.api.invoke('run.events', { runId: run.id, afterSeq: 0 });
    const [first] = events;
    if (first?.type !== 'run.started') throw new Error('a run begins with run.started');
    const last = events.at(-1)!;
    store.setState({ shownRun: initialRunState(first), runs: [{ ...store.getState().runs[0]!, status: 'running' }] });

    store.getState().applyRunBatch({ runId: run.id, events: [last], gaps: [], lastSeq: last.seq });
    for (let tries = 0; store.getState().runs[0]?.status !== 'succeeded' && tries < 50; tries++) await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(store.getState().shownRun!.status).toBe('succeeded');
  });
});
