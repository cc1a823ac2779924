// The sweeps slice against a real engine: runs deleted anywhere show as deleted in the open sweep, and a sweep left
// without runs leaves the list and the view.
import { describe, expect, it } from 'vitest';
import { openStore, shellNode } from './store-harness';

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check() && tries < 100; tries++) await new Promise((r) => setTimeout(r, 20));
}

describe('sweeps slice', () => {
  it('follows deletions: a deleted run marked in the open sweep, then the emptied sweep gone', async () => {
    const { store, connected } = await openStore({ parameters: [{ name: 'x', type: 'number', default: 1 }], nodes: [shellNode('a')] });
    const sweep = await connected.api.invoke('sweep.start', { pipelineId: store.getState().openId!, spec: { mode: 'grid', axes: [{ name: 'x', values: [1, 2] }] } });
    for (let tries = 0; (await connected.api.invoke('sweep.get', { sweepId: sweep.id })).status === 'running' && tries < 200; tries++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const stop = store.getState().watchSweeps();
    await store.getState().selectSweep(sweep.id);
    await until(() => store.getState().sweeps.length === 1);
    const [one, two] = store.getState().selectedSweep!.runs.map((r) => r.runId!);

    await connected.api.invoke('run.delete', { runIds: [one!] });
    await until(() => store.getState().selectedSweep?.runs[0]?.status === 'deleted');
    expect(store.getState().selectedSweep!.runs.map((r) => r.status)).toEqual(['deleted', 'succeeded']);

    await connected.api.invoke('run.delete', { runIds: [two!] });
    await until(() => store.getState().selectedSweep === null && store.getState().sweeps.length === 0);
    expect(store.getState().selectedSweep).toBeNull();
    expect(store.getState().sweeps).toEqual([]);
    stop();
  });
});
