// Experiments table filter (issue 7): 10,000 runs in SQLite, the filter language compiled to SQL and answered with
// the indexes of migration 004 — count plus the first page, sorted. Target: under 100 ms per query. Baselines in the
// same script: the same SQL with migration 004's indexes dropped, and loading every run to filter in JavaScript.
// Usage: node bench/tracking/filter.bench.mjs [--runs 10000] [--rounds 20]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { machine, markdownTable, median, ROOT } from '../runner/bench-utils.mjs';
import { insertSyntheticRuns } from './synthetic-runs.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '20' } } });
const count = Number(values.runs);
const rounds = Number(values.rounds);
const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-tracking-'));
// Bundled inside the repository so that better-sqlite3 resolves from its node_modules.
const bundle = join(ROOT, 'node_modules/.cache/pipewright-bench/tracking-query.mjs');
await build({ entryPoints: [join(ROOT, 'bench/tracking/query-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, external: ['better-sqlite3'], logLevel: 'error' });
const { openDatabase, TrackingRepo, ExperimentQueries, experimentQuerySchema, evaluateRunFilter, parseRunFilter } = await import(bundle);

const db = openDatabase(join(work, 'pipewright.db'));
const started = performance.now();
insertSyntheticRuns(db, { count });
db.exec('ANALYZE');
console.log(`# experiments filter — ${machine()}; ${count} runs (inserted in ${(performance.now() - started).toFixed(0)} ms), ${rounds} rounds\n`);
const repo = new TrackingRepo(db);
const queries = new ExperimentQueries(db, repo);

const CASES = [
  ['no filter, newest first', {}],
  ['accuracy > 0.9', { filter: 'accuracy > 0.9' }],
  ['accuracy > 0.85 and params.maxDepth = 12', { filter: 'accuracy > 0.85 and params.maxDepth = 12' }],
  ['status = failed or log_loss < 0.2', { filter: 'status = failed or log_loss < 0.2' }],
  ["tags.owner = 'ana', sorted by accuracy", { filter: "tags.owner = 'ana'", sort: { column: { scope: 'metric', name: 'accuracy' }, direction: 'desc' } }],
  ['search "deep trees", sorted by params.learningRate', { search: 'deep trees', sort: { column: { scope: 'param', name: 'learningRate' }, direction: 'asc' } }],
  ['pipeline = churn and duration > 60, sorted by roc_auc', { filter: 'pipeline = churn and duration > 60', sort: { column: { scope: 'metric', name: 'roc_auc' }, direction: 'desc' } }],
];

function timeIt(fn) {
  const times = [];
  let result;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], result };
}

/** Baseline: what a client without SQL filtering does — load every run with its metrics and tags, filter in JS. */
function inMemory(input) {
  const ids = db.prepare('SELECT id FROM runs').all().map((r) => r.id);
  const rows = repo.rows(ids);
  const expr = parseRunFilter(input.filter ?? '');
  const fieldValue = (row) => (f) => (f.scope === 'metric' ? row.metrics[f.name] : f.scope === 'param' ? row.params[f.name] : f.scope === 'tag' ? row.tags[f.name] : f.name === 'status' ? row.status : f.name === 'pipeline' ? row.pipelineName : f.name === 'duration' ? (row.durationMs ?? 0) / 1000 : undefined);
  return expr ? rows.filter((row) => evaluateRunFilter(expr, fieldValue(row))).length : rows.length;
}

const table = [];
const indexed = {};
for (const [label, input] of CASES) {
  const query = experimentQuerySchema.parse(input);
  const sql = timeIt(() => queries.page(query));
  indexed[label] = sql.median;
  const js = input.search ? null : timeIt(() => inMemory(input));
  table.push([label, sql.result.total, sql.median.toFixed(1), sql.p95.toFixed(1), js ? js.median.toFixed(0) : '—', js ? `${(js.median / sql.median).toFixed(0)}×` : '—', sql.p95 < 100 ? 'met' : 'missed']);
  console.log(`${label}: ${sql.result.total} runs, median ${sql.median.toFixed(1)} ms`);
}

// Baseline 2: migration 004's indexes dropped (the query itself unchanged).
for (const index of ['run_metric_values_by_name', 'run_tags_by_key', 'runs_by_status', 'runs_by_pipeline_name', 'runs_by_duration', 'run_annotations_hidden']) db.exec(`DROP INDEX ${index}`);
db.exec('ANALYZE');
const unindexed = [];
for (const [label, input] of CASES) {
  const sql = timeIt(() => queries.page(experimentQuerySchema.parse(input)));
  unindexed.push([label, indexed[label].toFixed(1), sql.median.toFixed(1), `${(sql.median / indexed[label]).toFixed(1)}×`]);
}
db.close();
rmSync(work, { recursive: true, force: true });

console.log(`\n${markdownTable(['query (count + first 200 rows)', 'matches', 'SQLite median ms', 'p95 ms', 'load all + filter in JS, ms', 'JS / SQLite', 'p95 < 100 ms'], table)}`);
console.log(`\n${markdownTable(['query', 'with 004 indexes, ms', 'without, ms', 'slower by'], unindexed)}`);
