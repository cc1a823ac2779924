// run.delete: finished runs go with their rows, folders, cache entries and the cached objects only they used; files
// other runs share stay; crash leftovers go too; all or none (an unknown or running run refuses the lot); every client
// hears of it.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/channel';
import type { ExperimentsChangedEvent } from '../../shared/api/index';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { insertSyntheticRuns } from '../../bench/tracking/synthetic-runs.mjs';
import { openDatabase } from '../../engine/store/database';
import { refusal } from '../support/api-refusal';
import { tempDir } from '../support/temp-home';
import { connect, type Connected } from '../support/transports';
import { pipeline, shell } from './runner/run-helpers';

const dataset = (id: string) => ({ id, type: 'dataset' as const });

/** `make` writes `text` (~1 MB of it) to its output; `note` only prints. */
function doc(text: string): Pipeline {
  return pipeline([shell('make', `yes ${text} | head -c 1000000 > {{outputs.out}}; echo made`, { outputs: [dataset('out')] }), shell('note', 'echo hello')], [], 'deletion');
}

function objects(home: string): string[] {
  const root = join(home, 'cache', 'objects');
  return existsSync(root) ? readdirSync(root).flatMap((prefix) => readdirSync(join(root, prefix))) : [];
}

function rowsOf(home: string, runId: string): Record<string, number> {
  const db = openDatabase(join(home, 'pipewright.db'));
  try {
    const tables = ['runs', 'run_nodes', 'run_events', 'run_log_chunks', 'run_artifacts', 'run_metric_values', 'run_tags', 'cache_entries'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t} WHERE ${t === 'runs' ? 'id' : 'run_id'} = ?`).pluck().get(runId) as number]));
  } finally {
    db.close();
  }
}

describe('run.delete', () => {
  let c: Connected;
  let api: ApiClient;
  let home: string;
  beforeEach(async () => {
    home = tempDir();
    c = await connect('in-memory', home);
    api = c.api;
  });
  afterEach(async () => c.close());

  async function runToEnd(pipelineId: string): Promise<string> {
    const finished = new Promise<void>((resolve) => {
      const stop = api.subscribe('run.events', (batch) => {
        if (batch.events.some((e) => e.type === 'run.finished')) {
          stop();
          resolve();
        }
      });
    });
    const run = await api.invoke('run.start', { pipelineId });
    await finished;
    return run.id;
  }

  async function stored(document: Pipeline): Promise<string> {
    const created = await api.invoke('pipeline.create', { name: document.name });
    await api.invoke('pipeline.save', { id: created.id, document });
    return created.id;
  }

  it('deletes a run with its rows, folder, cache entries and the objects only it used; a run cached from it keeps its files', async () => {
    const id = await stored(doc('first'));
    const first = await runToEnd(id);
    const cachedFromFirst = await runToEnd(id);
    await api.invoke('experiments.annotate', { runIds: [first], setTags: { keep: 'no' } });
    const output = join(home, 'artifacts', cachedFromFirst, 'make', 'out.csv');
    const content = readFileSync(output, 'utf8');
    expect(objects(home)).toHaveLength(1);
    expect(rowsOf(home, first)).toMatchObject({ runs: 1, cache_entries: 2, run_tags: 1 });
    expect(rowsOf(home, first).run_events).toBeGreaterThan(0);

    const heard: ExperimentsChangedEvent[] = [];
    api.subscribe('experiments.changed', (event) => heard.push(event));
    const result = await api.invoke('run.delete', { runIds: [first] });
    // The output's data is still linked from the cached run's folder: deleting frees only what was the last link.
    expect(result).toEqual({ deleted: [first], cacheEntries: 2, freedBytes: expect.any(Number), sweeps: [] });
    expect(result.freedBytes).toBeLessThan(1_000_000);
    expect(Object.values(rowsOf(home, first)).every((n) => n === 0)).toBe(true);
    expect(existsSync(join(home, 'artifacts', first))).toBe(false);
    expect(objects(home)).toEqual([]);
    expect(readFileSync(output, 'utf8')).toBe(content);
    expect(statSync(output).nlink).toBe(1);
    expect((await refusal(api.invoke('run.get', { runId: first }), 'not_found')).message).toMatch(new RegExp(`^run ${first} was deleted \\(\\d{4}-\\d\\d-\\d\\dT.+Z\\)$`));
    expect((await api.invoke('run.list', { pipelineId: id })).map((r) => r.id)).toEqual([cachedFromFirst]);
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([{ runIds: [first], deleted: true }]);

    // Its cache entry went with it: the next run runs `make` again.
    const third = await runToEnd(id);
    expect((await api.invoke('run.get', { runId: third })).nodes.find((n) => n.nodeId === 'make')!.status).toBe('succeeded');

    // The last runs holding the data give the disk space back: the file the cached run kept, and the third run's
    // output with the object it shares its data with.
    expect(objects(home)).toHaveLength(1);
    const again = await api.invoke('run.delete', { runIds: [cachedFromFirst, third] });
    expect(again.deleted).toEqual([cachedFromFirst, third]);
    expect(again.freedBytes).toBeGreaterThanOrEqual(2_000_000);
    expect(objects(home)).toEqual([]);
    expect(readdirSync(join(home, 'artifacts'))).toEqual([]);
  });

  it("gives the database's freed pages back: the file shrinks by what the deleted runs' rows took", async () => {
    const file = join(home, 'pipewright.db');
    const db = openDatabase(file);
    const ids = insertSyntheticRuns(db, { count: 2000 }) as string[];
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pagesOf = () => db.pragma('page_count', { simple: true }) as number;
    const [autoVacuum, before] = [db.pragma('auto_vacuum', { simple: true }), pagesOf()];
    // At most 1,000 runs per call.
    const results = [await api.invoke('run.delete', { runIds: ids.slice(0, 1000) }), await api.invoke('run.delete', { runIds: ids.slice(1000) })];
    const after = pagesOf();
    db.close();
    // A home made now keeps its database with auto_vacuum = INCREMENTAL (2), so deleting gives pages back.
    expect(autoVacuum).toBe(2);
    expect(after).toBeLessThan(before / 2);
    expect(results[0]!.freedBytes + results[1]!.freedBytes).toBeGreaterThanOrEqual((before - after) * 4096 * 0.9);
    expect(statSync(file).size).toBeLessThan(before * 4096 / 2);
  });

  it("also clears what crashes left: a deleted run's folder, a stale half-built object; never folders it never knew", async () => {
    const id = await stored(doc('y'));
    const [first, second] = [await runToEnd(id), await runToEnd(id)];
    // A crash between a deletion's commit and its files: the row is gone, the folder stays.
    const db = openDatabase(join(home, 'pipewright.db'));
    db.prepare("INSERT INTO run_deletions (run_id, run_rowid, deleted_by, deleted_at) SELECT id, rowid, 1, 'then' FROM runs WHERE id = ?").run(first);
    db.prepare('DELETE FROM runs WHERE id = ?').run(first);
    db.close();
    const stranger = join(home, 'artifacts', '20250101-000000-abcdef'); // a run of a database moved aside
    mkdirSync(stranger);
    const hourAgo = (Date.now() - 2 * 3600_000) / 1000;
    const build = (name: string, old: boolean) => {
      const path = join(home, 'cache', 'tmp', name);
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, 'part'), 'x'.repeat(1000));
      if (old) utimesSync(path, hourAgo, hourAgo);
      return path;
    };
    const [stale, fresh] = [build('stale', true), build('fresh', false)];

    const result = await api.invoke('run.delete', { runIds: [second] });
    expect(existsSync(join(home, 'artifacts', first))).toBe(false);
    expect(existsSync(join(home, 'artifacts', second))).toBe(false);
    expect(existsSync(stranger)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(result.freedBytes).toBeGreaterThanOrEqual(1000);
  });

  it('refuses the lot when one run is unknown or still running, deleting nothing', async () => {
    const id = await stored(doc('x'));
    const done = await runToEnd(id);
    expect((await refusal(api.invoke('run.delete', { runIds: [done, 'nope'] }), 'not_found')).message).toBe('no run with id nope');
    const slow = await stored(pipeline([shell('wait', 'sleep 30')], [], 'slow'));
    const running = await api.invoke('run.start', { pipelineId: slow });
    expect((await refusal(api.invoke('run.delete', { runIds: [done, running.id] }), 'conflict')).message).toBe(`run ${running.id} still running; cancel first, then delete`);
    expect(rowsOf(home, done).runs).toBe(1);
    expect(existsSync(join(home, 'artifacts', done))).toBe(true);
    await api.invoke('run.cancel', { runId: running.id });
  });

  it('a sweep keeps the combination of a deleted run, marked deleted; a sweep left without runs goes', async () => {
    const id = await stored({ ...pipeline([shell('step', 'echo {{params.x}}')], [], 'swept'), parameters: [{ name: 'x', type: 'number', default: 1 }] });
    const sweep = await api.invoke('sweep.start', { pipelineId: id, spec: { mode: 'grid', axes: [{ name: 'x', values: [1, 2] }] } });
    for (let i = 0; i < 200 && (await api.invoke('sweep.get', { sweepId: sweep.id })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    const [one, two] = (await api.invoke('sweep.get', { sweepId: sweep.id })).runs;
    await api.invoke('run.delete', { runIds: [one!.runId!] });
    const after = await api.invoke('sweep.get', { sweepId: sweep.id });
    expect(after.runs.map((r) => [r.runId, r.status])).toEqual([
      [one!.runId, 'deleted'],
      [two!.runId, 'succeeded'],
    ]);

    // Its last run deleted, the sweep goes with it.
    expect((await api.invoke('run.delete', { runIds: [two!.runId!] })).sweeps).toEqual([sweep.id]);
    await refusal(api.invoke('sweep.get', { sweepId: sweep.id }), 'not_found');
    expect((await api.invoke('sweep.list', {})).map((s) => s.id)).toEqual([]);
  });
});
