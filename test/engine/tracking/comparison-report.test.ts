// Comparison, lineage, metric history and the HTML report on real runs of a real classifier (breast-cancer k-NN,
// built-in nodes as processes, real SQLite): params and metric deltas, ROC curves and confusion matrices read from
// evaluate.classification's artifact, per-node figures, graph diff of the revisions, registered model versions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../../shared/pipeline/pipeline.schema';
import type { Engine } from '../../../engine/app';
import { buildHtmlReport } from '../../../engine/tracking/html-report';
import { openEngine } from '../../../engine/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStored } from './tracking-helpers';

const FIXTURE = fileURLToPath(new URL('../../fixtures/pipelines/knn-classifier.pipeline.json', import.meta.url));

let engine: Engine;
let home: string;
let runs: string[];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'pipewright-compare-'));
  engine = openEngine({ home, host: 'test' });
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Pipeline;
  const first = engine.ctx.pipelines.create(doc);
  const a = await runStored(engine, doc, { id: first.id, revision: 1 }, { k: 3 });
  // Revision 2 changes the split and drops registration: the comparison's graph diff must say so.
  const edited: Pipeline = {
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== 'register').map((n) => (n.id === 'split' ? { ...n, params: { ...n.params, testSize: 0.25 } } : n)),
    edges: doc.edges.filter((e) => e.target !== 'register'),
  };
  const second = engine.ctx.pipelines.save(first.id, edited);
  const b = await runStored(engine, edited, { id: first.id, revision: second.revision }, { k: 15 });
  runs = [a, b];
}, 60_000);
afterAll(() => {
  engine.close();
  rmSync(home, { recursive: true, force: true });
});

describe('comparison of two real runs', () => {
  it('params, metrics with deltas and the best run', () => {
    const c = engine.ctx.tracking.compare(runs);
    expect(c.runs.map((r) => r.id)).toEqual(runs);
    expect(c.params).toEqual([{ name: 'k', values: [3, 15], differs: true }]);
    const accuracy = c.metrics.find((m) => m.name === 'accuracy')!;
    expect(accuracy.goal).toBe('max');
    expect(accuracy.deltas[0]).toBe(0);
    expect(accuracy.deltas[1]).toBeCloseTo(accuracy.values[1]! - accuracy.values[0]!, 12);
    expect(c.metrics.find((m) => m.name === 'log_loss')!.goal).toBe('min');
    expect(c.primaryMetric).toBe('accuracy');
    expect(c.bestRunId).toBe(runs[accuracy.best!]);
  });

  it('a metric with the same value in both runs differs in none and has no best run', () => {
    const c = engine.ctx.tracking.compare(runs);
    const same = c.metrics.filter((m) => m.values[0] === m.values[1]);
    expect(same.map((m) => m.name)).toContain('rows');
    for (const m of same) expect([m.name, m.differs, m.best]).toEqual([m.name, false, null]);
    const scores = c.metrics.filter((x) => x.values[0] !== x.values[1] && x.goal !== null);
    expect(scores.map((m) => m.name)).toContain('accuracy');
    for (const m of scores) expect([m.name, m.differs, m.best === null]).toEqual([m.name, true, false]);
    // Picking it as the deciding metric names no best run: a tie is not a win.
    const byRows = engine.ctx.tracking.compare(runs, 'rows');
    expect([byRows.primaryMetric, byRows.bestRunId]).toEqual(['rows', null]);
  });

  it('a count or an identifier that differs has no goal and no best run', () => {
    // Revision 2 holds out a different share of rows and registers no model.
    const c = engine.ctx.tracking.compare(runs);
    const counts = c.metrics.filter((m) => ['train_rows', 'test_rows', 'model_version'].includes(m.name));
    expect(counts.map((m) => [m.name, m.differs, m.goal, m.best])).toEqual([
      ['model_version', true, null, null],
      ['test_rows', true, null, null],
      ['train_rows', true, null, null],
    ]);
  });

  it('ROC curves and confusion matrices from each evaluation', () => {
    const c = engine.ctx.tracking.compare(runs);
    expect(c.curves.map((x) => [x.runId, x.nodeId])).toEqual([
      [runs[0], 'evaluate'],
      [runs[1], 'evaluate'],
    ]);
    for (const curves of c.curves) {
      expect(curves.rocCurves).toHaveLength(1);
      const points = curves.rocCurves[0]!.points;
      expect(points[0]).toEqual({ fpr: 0, tpr: 0 });
      expect(points.at(-1)).toEqual({ fpr: 1, tpr: 1 });
      expect(curves.confusionMatrix!.labels).toHaveLength(2);
    }
    const total = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);
    expect(total(c.curves[0]!.confusionMatrix!.matrix)).toBe(171); // 30 % of 569
    expect(total(c.curves[1]!.confusionMatrix!.matrix)).toBe(143); // 25 %
  });

  it('per-node durations and peak memory, and the graph diff of the two revisions', () => {
    const c = engine.ctx.tracking.compare(runs);
    expect(c.nodes.map((n) => n.nodeId)).toEqual(['load', 'split', 'train', 'evaluate', 'register']);
    const train = c.nodes.find((n) => n.nodeId === 'train')!;
    expect(train.durationMs.every((d) => d !== null && d > 0)).toBe(true);
    expect(train.peakRssBytes.every((b) => b !== null && b > 10 * 1024 * 1024)).toBe(true);
    expect(c.nodes.find((n) => n.nodeId === 'register')!.status).toEqual(['succeeded', null]);
    const [diff] = c.revisionDiffs;
    expect(diff).toMatchObject({ baseRevision: 1, revision: 2, same: false });
    expect(diff!.diff.onlyInA).toEqual(['register']);
    expect(diff!.diff.changed).toEqual([{ nodeId: 'split', changes: [{ path: 'params.testSize', before: 0.3, after: 0.25 }] }]);
  });

  it('refuses unknown runs and metrics no run has', () => {
    expect(() => engine.ctx.tracking.compare([runs[0]!, 'nope'])).toThrow(/no run with id nope/);
    expect(() => engine.ctx.tracking.compare(runs, 'accurcy')).toThrow(/reports a metric named "accurcy"/);
  });
});

describe('lineage and history', () => {
  it('from a run to the model it registered, and from the version back to the run, revision, params and data', () => {
    const lineage = engine.ctx.tracking.lineage(runs[0]!);
    expect(lineage.models.map((m) => [m.name, m.version])).toEqual([['cancer-knn', 1]]);
    expect(Object.keys(lineage.dataHashes).sort()).toEqual(['evaluate.predictions', 'load.dataset', 'split.test', 'split.train', 'split.validation']);
    const back = engine.ctx.tracking.modelLineage('cancer-knn', 1);
    expect(back.run!.run).toMatchObject({ id: runs[0], pipelineRevision: 1, params: { k: 3 } });
    expect(back.version.lineage.dataHashes['training']).toBe(lineage.dataHashes['split.train']);
    expect(engine.ctx.tracking.lineage(runs[1]!).models).toEqual([]);
  });

  it('charts a metric across the pipeline runs with regressions marked', () => {
    const history = engine.ctx.tracking.history('knn classifier', 'accuracy');
    expect(history.points.map((p) => [p.runId, p.revision])).toEqual([
      [runs[0], 1],
      [runs[1], 2],
    ]);
    const [first, second] = history.points;
    expect(first!.regression).toBe(false);
    expect(second!.regression).toBe(second!.value < first!.value);
  });
});

describe('HTML report', () => {
  it('is one self-contained page: tables, inline SVG charts, no script, no external resource', () => {
    const html = buildHtmlReport(engine.ctx.tracking.compare(runs), new Date('2026-01-02T03:04:05Z'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Comparison of 2 runs — knn classifier</title>');
    for (const chart of ['metric-accuracy', 'roc', `confusion-${runs[0]}-evaluate`, 'durations', 'memory']) {
      expect(html).toMatch(new RegExp(`data-chart="${chart}"><svg `));
    }
    expect(html).toContain('<table aria-label="Parameters">');
    expect(html).toContain('class="differs"');
    expect(html).toContain('node only in');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    // The only URLs are SVG namespace names, which nothing fetches.
    const urls = html.match(/(?:https?:)?\/\/[^\s"')]+/g) ?? [];
    expect(urls.filter((u) => !/^http:\/\/www\.w3\.org\//.test(u))).toEqual([]);
  });

  it('reports a single run too', async () => {
    const { fileName, html } = await engine.ctx.tracking.report([runs[0]!]);
    expect(fileName).toBe(`pipewright-run-${runs[0]}.html`);
    expect(html).toContain(`<title>Run ${runs[0]} — knn classifier</title>`);
    expect(html).toContain('data-chart="roc"');
  });
});
