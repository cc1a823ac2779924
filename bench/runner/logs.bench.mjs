// Log throughput (issue 4): one node printing 1,000,000 lines of ~60 bytes, run by `pipewright run` (logs stored in
// SQLite, printed with node prefixes to /dev/null), against the same producer writing straight to /dev/null, in
// interleaved rounds; then checks that every line was persisted. Target: ≤ 2× the producer alone.
// Usage: node bench/runner/logs.bench.mjs [--lines 1000000] [--rounds 5]
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ensureCli, machine, markdownTable, median, time } from './bench-utils.mjs';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '5' } } });
const lines = Number(values.lines);
const rounds = Number(values.rounds);
ensureCli();
const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
// ~60-byte lines, written in 64 KiB blocks: a fast producer, so the runner is what is measured.
const producer = join(work, 'producer.mjs');
writeFileSync(
  producer,
  `import { writeSync } from 'node:fs';
const pad = 'x'.repeat(40);
let block = '';
for (let i = 0; i < ${lines}; i++) {
  block += 'line ' + String(i).padStart(8, '0') + ' ' + pad + '\\n';
  if (block.length > 65536) { writeSync(1, block); block = ''; }
}
writeSync(1, block);
`,
);
const pipeline = join(work, 'logs.pipeline.json');
writeFileSync(
  pipeline,
  JSON.stringify({ schemaVersion: 1, name: 'logs', nodes: [{ id: 'chatty', type: 'script.shell', params: { command: `${JSON.stringify(process.execPath)} ${producer}` }, position: { x: 0, y: 0 } }] }),
);
const home = join(work, 'home');
const devNull = ['ignore', 'ignore', 'inherit'];
const alone = () => time(process.execPath, [producer], { stdio: devNull });
const ours = () => time(process.execPath, [CLI, 'run', pipeline, '--no-cache'], { env: { PIPEWRIGHT_HOME: home }, stdio: devNull });
console.log(`# logs — ${machine()}; ${lines.toLocaleString('en')} lines, ${rounds} interleaved rounds\n`);
ours();
const a = [];
const b = [];
for (let i = 0; i < rounds; i++) {
  if (i % 2) {
    a.push(alone());
    b.push(ours());
  } else {
    b.push(ours());
    a.push(alone());
  }
}
const db = new Database(join(home, 'pipewright.db'), { readonly: true });
const runs = db.prepare('SELECT r.id, n.log_lines AS lines FROM runs r JOIN run_nodes n ON n.run_id = r.id').all();
const stored = db.prepare('SELECT coalesce(sum(line_count), 0) AS n, count(*) AS chunks FROM run_log_chunks WHERE run_id = ?');
const complete = runs.every((r) => r.lines === lines && stored.get(r.id).n === lines);
const lastRun = runs.at(-1).id;
const chunks = stored.get(lastRun).chunks;
const logFile = join(home, 'artifacts', lastRun, '_logs', 'chatty.log');
const last = readFileSync(logFile, 'utf8').trimEnd().split('\n').pop();
db.close();
const ratio = median(b) / median(a);
console.log(
  markdownTable(
    ['what', 'median ms', 'lines / s', 'ratio'],
    [
      ['producer > /dev/null', median(a).toFixed(0), Math.round(lines / (median(a) / 1000)).toLocaleString('en'), '1.00'],
      ['pipewright run (stored + printed to /dev/null)', median(b).toFixed(0), Math.round(lines / (median(b) / 1000)).toLocaleString('en'), ratio.toFixed(2)],
    ],
  ),
);
console.log(`\nevery line persisted in all ${runs.length} runs: ${complete ? 'yes' : 'NO'} (${chunks} chunks per run; last line "${last.slice(0, 20)}…"); target ≤ 2×: ${ratio <= 2 ? 'met' : 'missed'}`);
rmSync(work, { recursive: true, force: true });
if (!complete) process.exit(1);
