// The experiments table query on real SQLite with real runs: filter language, search, sort with missing values
// last, windows, hidden runs, tags and notes, unknown-field hints, columns, saved view choices, the metric trigger.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/index';
import { columnKey, DEFAULT_EXPERIMENT_VIEW, defaultExperimentView, experimentQuerySchema, type ExperimentQueryInput } from '../../../shared/tracking/experiment-view';
import type { Engine } from '../../../engine/app';
import { runStored, store, sweepable, trackingEngine } from './tracking-helpers';

let engine: Engine;
let runs: string[];

/** Four runs of `sweepable` (depth 1..4) and one of another pipeline whose evaluate fails (no metrics). */
beforeEach(async () => {
  engine = trackingEngine();
  const doc = sweepable();
  const stored = store(engine, doc);
  runs = [];
  for (const depth of [1, 2, 3, 4]) runs.push(await runStored(engine, doc, stored, { depth }));
  const broken = sweepable('broken');
  broken.nodes[2] = { ...broken.nodes[2]!, params: { command: 'exit 3' } };
  runs.push(await runStored(engine, broken, store(engine, broken)));
});
afterEach(() => engine.close());

const query = (input: ExperimentQueryInput) => engine.ctx.tracking.queries.page(experimentQuerySchema.parse(input));
const ids = (input: ExperimentQueryInput) => query(input).rows.map((r) => r.id);

describe('experiments query', () => {
  it('lists every run newest first with params, run-level metrics, status and pipeline', () => {
    const page = query({});
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.id)).toEqual([...runs].reverse());
    expect(page.rows[0]).toMatchObject({ pipelineName: 'broken', status: 'failed', metrics: {}, pipelineRevision: 1, hidden: false, note: '', tags: {} });
    expect(page.rows[1]).toMatchObject({ pipelineName: 'sweepable', status: 'succeeded', params: { depth: 4, rows: 3 }, metrics: { accuracy: 0.7, loss: 0.25 } });
    expect(page.queryMs).toBeGreaterThanOrEqual(0);
  });

  it('filters with the filter language on metrics, params, run columns', () => {
    expect(ids({ filter: 'accuracy > 0.6' })).toEqual([runs[3], runs[2]]);
    expect(ids({ filter: 'accuracy > 0.55 and params.depth = 2' })).toEqual([runs[1]]);
    expect(ids({ filter: 'status = failed or loss <= 0.25' })).toEqual([runs[4], runs[3]]);
    expect(ids({ filter: 'not accuracy > 0.6' })).toEqual([runs[4], runs[1], runs[0]]);
    expect(ids({ filter: 'pipeline = broken' })).toEqual([runs[4]]);
    expect(ids({ filter: 'accuracy = null' })).toEqual([runs[4]]);
    expect(ids({ filter: 'duration >= 0 and revision = 1 and started > "2000-01-01"' })).toHaveLength(5);
  });

  it('reports syntax errors as invalid_input and unknown names as hints', () => {
    expect(() => query({ filter: 'accuracy >' })).toThrow(ApiError);
    expect(() => query({ filter: 'run.colour = 1' })).toThrow(/not a run column/);
    expect(query({ filter: 'accurcy > 0.5 or params.depht = 1 or tags.ownr = x' }).unknownFields).toEqual(['metric accurcy', 'param depht', 'tag ownr']);
  });

  it('sorts by metrics and params, missing values last in both directions', () => {
    const byAccuracy = (direction: 'asc' | 'desc') => ids({ sort: { column: { scope: 'metric', name: 'accuracy' }, direction } });
    expect(byAccuracy('desc')).toEqual([runs[3], runs[2], runs[1], runs[0], runs[4]]);
    expect(byAccuracy('asc')).toEqual([runs[0], runs[1], runs[2], runs[3], runs[4]]);
    expect(ids({ sort: { column: { scope: 'param', name: 'depth' }, direction: 'asc' }, filter: 'pipeline = sweepable' })).toEqual(runs.slice(0, 4));
  });

  it('returns windows of the sorted result with the full total', () => {
    const page = query({ offset: 1, limit: 2, sort: { column: { scope: 'metric', name: 'loss' }, direction: 'asc' } });
    expect(page.total).toBe(5);
    expect(page.offset).toBe(1);
    expect(page.rows.map((r) => r.id)).toEqual([runs[2], runs[1]]);
  });

  it('tags, notes and hidden runs: search finds them, the filter reads tags, hidden runs leave the table until asked for', () => {
    const repo = engine.ctx.tracking.repo;
    repo.annotate([runs[0]!, runs[1]!], { setTags: { owner: 'ana', baseline: '' }, note: 'first try with shallow trees' });
    repo.annotate([runs[1]!], { removeTags: ['baseline'], hidden: true });
    expect(ids({ search: 'shallow' })).toEqual([runs[0]]);
    expect(ids({ search: 'shallow', includeHidden: true })).toEqual([runs[1], runs[0]]);
    expect(ids({ search: 'baseline' })).toEqual([runs[0]]);
    expect(ids({ filter: "tags.owner = 'ana'", includeHidden: true })).toEqual([runs[1], runs[0]]);
    expect(query({ includeHidden: true, filter: 'params.depth = 2 and pipeline = sweepable' }).rows[0]).toMatchObject({ hidden: true, tags: { owner: 'ana' }, note: 'first try with shallow trees' });
    expect(query({}).total).toBe(4);
    repo.annotate([runs[1]!], { hidden: false });
    expect(query({}).total).toBe(5);
    expect(() => repo.annotate(['nope'], { note: 'x' })).toThrow(/no run with id nope/);
  });

  it('search treats % and _ literally', () => {
    engine.ctx.tracking.repo.annotate([runs[2]!], { note: '100% recall_at_k' });
    expect(ids({ search: '100%' })).toEqual([runs[2]]);
    expect(ids({ search: '_at_' })).toEqual([runs[2]]);
    expect(ids({ search: '%%' })).toEqual([]);
  });

  it('lists the names the column chooser offers', () => {
    engine.ctx.tracking.repo.annotate([runs[0]!], { setTags: { owner: 'ana' } });
    expect(engine.ctx.tracking.queries.columns()).toEqual({ params: ['depth', 'rows'], metrics: ['accuracy', 'loss'], tags: ['owner'], pipelines: ['broken', 'sweepable'] });
  });

  it('opens on the metrics and params most runs have until the user chooses columns', () => {
    const view = defaultExperimentView(engine.ctx.tracking.queries.commonColumns());
    expect(view.columns.map(columnKey)).toEqual([
      'column:status', 'column:pipeline', 'column:revision', 'column:started', 'column:duration',
      'metric:accuracy', 'metric:loss', 'param:depth', 'param:rows',
      'column:tags', 'column:note',
    ]);
    expect(engine.ctx.tracking.queries.commonColumns(1, 1)).toEqual({ params: [expect.any(String)], metrics: [expect.any(String)] });
  });

  it('keeps the view choices, and falls back to the defaults for a state it cannot read', () => {
    const repo = engine.ctx.tracking.repo;
    expect(repo.view('experiments')).toEqual(DEFAULT_EXPERIMENT_VIEW);
    const view = { ...DEFAULT_EXPERIMENT_VIEW, pinned: ['metric:accuracy'], columns: [{ scope: 'metric' as const, name: 'accuracy' }], filter: 'accuracy > 0.5' };
    repo.saveView('experiments', view);
    expect(repo.view('experiments')).toEqual(view);
    engine.ctx.db.prepare(`UPDATE view_preferences SET state = '{"columns": 3}'`).run();
    expect(repo.view('experiments')).toEqual(DEFAULT_EXPERIMENT_VIEW);
  });

  it('the run-level value of a metric is the one of the node latest in the run order, whatever order they finish in', () => {
    const db = engine.ctx.db;
    const runId = runs[0]!;
    const insert = db.prepare('INSERT OR REPLACE INTO run_metrics (run_id, node_id, name, value) VALUES (?, ?, ?, ?)');
    insert.run(runId, 'train', 'accuracy', 0.99); // train comes before evaluate: evaluate's 0.55 stays
    expect(query({ filter: 'params.depth = 1' }).rows[0]!.metrics['accuracy']).toBe(0.55);
    insert.run(runId, 'evaluate', 'accuracy', 0.6);
    expect(query({ filter: 'params.depth = 1' }).rows[0]!.metrics['accuracy']).toBe(0.6);
  });
});
