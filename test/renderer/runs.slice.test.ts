// The runs slice against a real engine: a resume after missed batches (a reconnect, a run followed from another
// process) folds in what was missed, progress bars of nodes that ended meanwhile included, and the runs list follows
// runs as they end and as they are deleted.
import { describe, expect, it } from 'vitest';
import { applyRunEvents, initialRunState } from '../../shared/runs/run-state';
import { openStore, shellNode, type Harness } from './store-harness';

/** Runs the open pipeline to its end; returns its stored events, `run.started` first. */
async function finishedRun({ store, connected }: Harness) {
  const run = await connected.api.invoke('run.start', { pipelineId: store.getState().openId! });
  for (let tries = 0; (await connected.api.invoke('run.get', { runId: run.id })).status === 'running' && tries < 100; tries++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const { events } = await connected.api.invoke('run.events', { runId: run.id, afterSeq: 0 });
  const [started] = events;
  if (started?.type !== 'run.started') throw new Error('a run begins with run.started');
  return { runId: run.id, events, started };
}

describe('runs slice', () => {
  it("keeps the node panel's tab from node to node; Show log goes to the log", async () => {
    const { store } = await openStore({ nodes: [shellNode('a'), shellNode('b')] });
    expect(store.getState().runNodeTab).toBe('logs');
    store.getState().setRunNodeTab('artifacts');
    store.getState().showRunNode('b');
    expect([store.getState().runNodeId, store.getState().runNodeTab, store.getState().runPanelOpen]).toEqual(['b', 'artifacts', true]);
    store.getState().showRunNode('a', 'logs');
    expect([store.getState().runNodeId, store.getState().runNodeTab]).toEqual(['a', 'logs']);
  });

  it('a resume drops the progress bars of nodes that ended meanwhile', async () => {
    // Before: resumeRun folded the missed events but kept every line in progress, so a node shown succeeded still
    // showed its last progress bar (seen on a terminal's run followed by the app).
    const harness = await openStore({ nodes: [shellNode('a')] });
    const { events, started } = await finishedRun(harness);
    // The view as it was mid-run: events up to the node's start seen, its progress bar on screen.
    const midRun = applyRunEvents(initialRunState(started), events.slice(0, events.findIndex((e) => e.type === 'node.started') + 1));
    expect(midRun.nodes['a']!.status).toBe('running');
    const { store } = harness;
    store.setState({ shownRun: midRun, linesInProgress: { a: { stderr: ' 50%|#####     | 5/10' } } });

    await store.getState().resumeRun();
    expect(store.getState().shownRun!.nodes['a']!.status).toBe('succeeded');
    expect(store.getState().linesInProgress).toEqual({});
  });

  it('a batch that ends the run reads the runs list again, also when it sends the view to resume first', async () => {
    // Before: a batch past a gap went to resumeRun and returned before the list was read, so History kept showing the
    // run "running" (seen once in Chromium with a terminal's run on a loaded machine).
    const harness = await openStore({ nodes: [shellNode('a')] });
    const { runId, events, started } = await finishedRun(harness);
    const { store } = harness;
    const last = events.at(-1)!;
    store.setState({ shownRun: initialRunState(started), runs: [{ ...store.getState().runs[0]!, status: 'running' }] });

    store.getState().applyRunBatch({ runId, events: [last], gaps: [], lastSeq: last.seq });
    for (let tries = 0; store.getState().runs[0]?.status !== 'succeeded' && tries < 50; tries++) await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(store.getState().shownRun!.status).toBe('succeeded');
  });

  it('runs deleted by any client leave the history and the run view', async () => {
    const harness = await openStore({ nodes: [shellNode('a')] });
    const { store, connected } = harness;
    const first = await finishedRun(harness);
    const second = await finishedRun(harness);
    await store.getState().refreshRuns();
    await store.getState().openRun(first.runId);
    expect(store.getState().runs.map((r) => r.id).sort()).toEqual([first.runId, second.runId].sort());

    await connected.api.invoke('run.delete', { runIds: [first.runId] });
    for (let tries = 0; store.getState().runs.length > 1 && tries < 50; tries++) await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().runs.map((r) => r.id)).toEqual([second.runId]);
    expect(store.getState().shownRun).toBeNull();
  });
});
