// gate.metric and monitor.drift on real metrics and datasets (the production comparison uses a real registry).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-home';
import { csvFile, dataset, readCsv, readJson, runNodeType } from './node-harness';

function metricsFile(metrics: Record<string, unknown>): string {
  const path = join(tempDir(), 'metrics.json');
  writeFileSync(path, JSON.stringify(metrics));
  return path;
}

describe('gate.metric', () => {
  beforeEach(() => vi.stubEnv('PIPEWRIGHT_HOME', tempDir('pipewright-home-')));
  afterEach(() => vi.unstubAllEnvs());

  it('passes the metrics through when the threshold holds, fails naming value and limit when not', async () => {
    const input = metricsFile({ accuracy: 0.91, rmse: 4.5, perClass: { yes: { recall: 0.7 } } });
    const pass = await runNodeType('gate.metric', { params: { metric: 'accuracy', threshold: 0.9 }, inputs: { metrics: input }, outputs: ['metrics'] });
    expect(pass.exitCode).toBe(0);
    expect(readJson(pass.out['metrics']!)).toMatchObject({ accuracy: 0.91 });
    const low = await runNodeType('gate.metric', { params: { metric: 'accuracy', threshold: 0.95 }, inputs: { metrics: input }, outputs: ['metrics'] });
    expect(low).toMatchObject({ exitCode: 1, error: 'quality gate failed: accuracy 0.91 is below the minimum 0.95' });
    const high = await runNodeType('gate.metric', { params: { metric: 'rmse', threshold: 4, direction: 'max' }, inputs: { metrics: input }, outputs: ['metrics'] });
    expect(high.error).toBe('quality gate failed: rmse 4.5 is above the maximum 4');
    const nested = await runNodeType('gate.metric', { params: { metric: 'perClass.yes.recall', threshold: 0.8 }, inputs: { metrics: input }, outputs: ['metrics'] });
    expect(nested.error).toBe('quality gate failed: perClass.yes.recall 0.7 is below the minimum 0.8');
    const unknown = await runNodeType('gate.metric', { params: { metric: 'f1' }, inputs: { metrics: input }, outputs: ['metrics'] });
    expect(unknown.error).toBe('metric "f1" is not in the metrics input (available: accuracy, rmse)');
  });

  it('compares with the production version of the registered model', async () => {
    const model = join(import.meta.dirname, '../../fixtures/node-examples/deploy.register/model');
    const registered = await runNodeType('deploy.register', { params: { name: 'churn', alias: 'production' }, inputs: { model, metrics: metricsFile({ accuracy: 0.9 }) }, outputs: ['model'] });
    expect(registered.exitCode).toBe(0);
    const gate = (accuracy: number, tolerance = 0) =>
      runNodeType('gate.metric', { params: { metric: 'accuracy', threshold: 0.5, compareToProduction: true, model: 'churn', tolerance }, inputs: { metrics: metricsFile({ accuracy }) }, outputs: ['metrics'] });
    expect((await gate(0.92)).exitCode).toBe(0);
    expect((await gate(0.88)).error).toBe('quality gate failed: accuracy 0.88 is worse than production version 1 of "churn" (0.9, tolerance 0)');
    expect((await gate(0.88, 0.05)).exitCode).toBe(0);
    const first = await runNodeType('gate.metric', { params: { compareToProduction: true, model: 'new-model', threshold: 0 }, inputs: { metrics: metricsFile({ accuracy: 0.1 }) }, outputs: ['metrics'] });
    expect(first.exitCode).toBe(0);
  });
});

describe('monitor.drift', () => {
  const drift = (reference: string, current: string, params: Record<string, unknown> = {}) =>
    runNodeType('monitor.drift', { params, inputs: { reference, current }, outputs: ['report'] });

  it('finds no drift between two halves of a shuffled split', async () => {
    const split = await runNodeType('data.split', { params: { testSize: 0.5, seed: 3 }, inputs: { dataset: dataset('breast-cancer') }, outputs: ['train', 'test'] });
    const run = await drift(split.out['train']!, split.out['test']!, { exclude: 'diagnosis' });
    expect(run.exitCode).toBe(0);
    const report = readJson<{ drifted: boolean; columnsCompared: number; columns: { type: string; test: string }[] }>(run.out['report']!);
    expect(report).toMatchObject({ drifted: false, columnsCompared: 30 });
    expect(report.columns[0]).toMatchObject({ type: 'number', test: 'ks' });
    expect(run.metrics['drift_share']).toBeLessThan(0.5);
  });

  it('fails when most columns shifted, naming the share; warns instead when asked', async () => {
    const rows = readCsv(dataset('iris'));
    const shifted = rows.map((r, i) => (i === 0 ? r : [...r.slice(0, 4).map((v) => String(Number(v) * 1.4)), r[4]!]));
    const current = csvFile(shifted.map((r) => r.join(',')));
    const failed = await drift(dataset('iris'), current);
    expect(failed.error).toBe('data drift: 4 of 5 columns drifted (80 %; the limit is 50 %)');
    const report = readJson<{ columns: { column: string; drifted: boolean; psi: number }[] }>(failed.out['report']!);
    expect(report.columns.find((c) => c.column === 'species')).toMatchObject({ drifted: false, psi: 0 });
    const warned = await drift(dataset('iris'), current, { onDrift: 'warn' });
    expect(warned.exitCode).toBe(0);
    expect(warned.metrics['drifted_columns']).toBe(4);
  });

  it('uses chi-square for categories', async () => {
    const reference = csvFile(['c', ...Array.from({ length: 100 }, (_, i) => (i % 2 ? 'a' : 'b'))]);
    const current = csvFile(['c', ...Array.from({ length: 100 }, (_, i) => (i % 10 ? 'a' : 'b'))]);
    const run = await drift(reference, current, { onDrift: 'warn' });
    const column = readJson<{ columns: { test: string; drifted: boolean; pValue: number }[] }>(run.out['report']!).columns[0]!;
    expect(column).toMatchObject({ test: 'chi-square', drifted: true });
    expect(column.pValue).toBeLessThan(1e-6);
    const none = await drift(reference, csvFile(['x', '1']));
    expect(none.error).toBe('the reference and current datasets have no columns in common to compare');
  });
});
