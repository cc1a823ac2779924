// experiments.* and sweep.* over the in-memory and the WebSocket transport: a sweep started through the API with
// sweep.changed progress, the table query, annotations with experiments.changed, the saved view, comparison,
// history, lineage, reports, and the errors clients branch on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SweepChangedEvent } from '../../../shared/api/index';
import { DEFAULT_EXPERIMENT_VIEW } from '../../../shared/tracking/experiment-view';
import { connect, type Connected, type TransportName } from '../../support/transports';
import { tempDir } from '../../support/temp-home';
import { refusal } from '../../support/api-refusal';
import { sweepable } from './tracking-helpers';

describe.each<TransportName>(['in-memory', 'websocket'])('tracking API over %s', (transport) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(transport, tempDir());
  });
  afterEach(async () => c.close());

  async function sweepOf4(): Promise<{ sweepId: string; runIds: string[]; events: SweepChangedEvent[] }> {
    const created = await c.api.invoke('pipeline.create', { name: 'sweepable' });
    await c.api.invoke('pipeline.save', { id: created.id, document: sweepable() });
    const events: SweepChangedEvent[] = [];
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const stop = c.api.subscribe('sweep.changed', (e) => {
      events.push(e);
      if (e.status !== 'running') finish();
    });
    const started = await c.api.invoke('sweep.start', { pipelineId: created.id, spec: { mode: 'grid', axes: [{ name: 'depth', values: [1, 2, 3, 4] }] }, parallel: 2 });
    expect(started).toMatchObject({ status: 'running', pipelineName: 'sweepable', pipelineRevision: 2, parallel: 2 });
    await finished;
    stop();
    const sweep = await c.api.invoke('sweep.get', { sweepId: started.id });
    return { sweepId: started.id, runIds: sweep.runs.map((r) => r.runId!), events };
  }

  it('runs a sweep with progress events; the sweep lists, the best run is the highest accuracy', async () => {
    const { sweepId, runIds, events } = await sweepOf4();
    expect(events.at(-1)).toEqual({ sweepId, status: 'finished', done: 4, total: 4 });
    const sweep = await c.api.invoke('sweep.get', { sweepId });
    expect(sweep.bestRunId).toBe(runIds[3]);
    const [listed] = await c.api.invoke('sweep.list', {});
    expect(listed).toMatchObject({ id: sweepId, total: 4, done: 4, bestRunId: runIds[3], metric: 'accuracy' });
    expect(await c.api.invoke('sweep.cancel', { sweepId })).toEqual({ canceled: false });
    await refusal(c.api.invoke('sweep.get', { sweepId: 'nope' }), 'not_found');
  });

  it('queries, annotates (with an event), saves the view, compares, reports, charts history and lineage', async () => {
    const { runIds, sweepId } = await sweepOf4();
    const page = await c.api.invoke('experiments.query', { filter: 'accuracy > 0.6', sort: { column: { scope: 'metric', name: 'accuracy' }, direction: 'asc' } });
    expect(page.rows.map((r) => r.id)).toEqual([runIds[2], runIds[3]]);
    expect(page.rows[0]!.sweepId).toBe(sweepId);
    expect((await refusal(c.api.invoke('experiments.query', { filter: 'accuracy >' }), 'invalid_input')).message).toMatch(/cannot read the filter/);

    const changed: string[][] = [];
    const stop = c.api.subscribe('experiments.changed', (e) => changed.push(e.runIds));
    await c.api.invoke('experiments.annotate', { runIds: [runIds[0]!], setTags: { baseline: '' }, note: 'shallow', hidden: true });
    await expect.poll(() => changed).toEqual([[runIds[0]]]);
    stop();
    expect((await c.api.invoke('experiments.query', {})).total).toBe(3);
    expect((await c.api.invoke('experiments.query', { includeHidden: true, search: 'shallow' })).rows[0]).toMatchObject({ hidden: true, tags: { baseline: '' } });
    await refusal(c.api.invoke('experiments.annotate', { runIds: [runIds[0]!], setTags: { 'a=b': '' } }), 'invalid_input');
    expect(await c.api.invoke('experiments.columns', {})).toMatchObject({ params: ['depth', 'rows'], metrics: ['accuracy', 'loss'], tags: ['baseline'] });

    expect((await c.api.invoke('experiments.getView', {})).columns.map((col) => `${col.scope}:${col.name}`)).toEqual(
      expect.arrayContaining(['param:depth', 'param:rows', 'metric:accuracy', 'metric:loss']),
    );
    const view = { ...DEFAULT_EXPERIMENT_VIEW, columns: [{ scope: 'metric' as const, name: 'accuracy' }], pinned: ['metric:accuracy'] };
    await c.api.invoke('experiments.saveView', { view });
    expect(await c.api.invoke('experiments.getView', {})).toEqual(view);

    const comparison = await c.api.invoke('experiments.compare', { runIds: [runIds[1]!, runIds[2]!] });
    expect(comparison.params.find((p) => p.name === 'depth')).toEqual({ name: 'depth', values: [2, 3], differs: true });
    expect(comparison.bestRunId).toBe(runIds[2]);
    const report = await c.api.invoke('experiments.report', { runIds: [runIds[1]!, runIds[2]!] });
    expect(report.fileName).toBe('pipewright-comparison-2-runs.html');
    expect(report.html).toContain('data-chart="metric-accuracy"><svg ');

    const history = await c.api.invoke('experiments.history', { pipelineName: 'sweepable', metric: 'loss' });
    expect(history).toMatchObject({ goal: 'min', metric: 'loss' });
    expect(history.points).toHaveLength(3); // the hidden run is left out
    const lineage = await c.api.invoke('experiments.lineage', { runId: runIds[1]! });
    expect(Object.keys(lineage.dataHashes)).toEqual(['prepare.data']);
    expect(lineage.models).toEqual([]);
    await refusal(c.api.invoke('experiments.modelLineage', { name: 'none', version: 1 }), 'not_found');
  });

  it('refuses sweeps it cannot run, with the reason', async () => {
    const created = await c.api.invoke('pipeline.create', { name: 'sweepable' });
    await c.api.invoke('pipeline.save', { id: created.id, document: sweepable() });
    const spec = (name: string) => ({ mode: 'grid' as const, axes: [{ name, values: [1, 2] }] });
    expect((await refusal(c.api.invoke('sweep.start', { pipelineId: created.id, spec: spec('colour') }), 'invalid_input')).message).toMatch(/no such parameter/);
    await refusal(c.api.invoke('sweep.start', { pipelineId: created.id, spec: { mode: 'grid', axes: [] } }), 'invalid_input');
    await refusal(c.api.invoke('sweep.start', { pipelineId: 'nope', spec: spec('depth') }), 'not_found');
    const broken = { ...sweepable(), edges: [...sweepable().edges, { id: 'loop', source: 'evaluate', target: 'prepare' }] };
    await c.api.invoke('pipeline.save', { id: created.id, document: broken });
    await refusal(c.api.invoke('sweep.start', { pipelineId: created.id, spec: spec('depth') }), 'invalid_pipeline');
    expect(await c.api.invoke('sweep.list', {})).toEqual([]);
  });
});
