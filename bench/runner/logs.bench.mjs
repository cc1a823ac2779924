// Log throughput (issue 4): one node printing 1,000,000 lines of ~60 bytes, run by `pipewright run` (logs stored,
// printed with node prefixes to /dev/null, CLI start included) against the same producer writing straight to
// /dev/null, in interleaved rounds; then checks that every line was persisted. Target: ≤ 2× the producer alone.
// Two producers: a Python print() loop (how training scripts log; block-buffered, PYTHONUNBUFFERED cleared) and a Node
// script writing 64 KiB blocks (far faster than any real node: the worst case for the runner). A third contender,
// a bare Node reader (spawn + pipe + discard), shows the floor for any runner that captures output through a pipe.
// Usage: node bench/runner/logs.bench.mjs [--lines 1000000] [--rounds 5]
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ensureCli, fileCreationCost, installed, machine, markdownTable, median, time } from './bench-utils.mjs';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '5' } } });
const lines = Number(values.lines);
const rounds = Number(values.rounds);
ensureCli();
const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
writeFileSync(join(work, 'producer.py'), `pad = 'x' * 40\nfor i in range(${lines}):\n    print(f"line {i:08d} {pad}")\n`);
writeFileSync(
  join(work, 'producer.mjs'),
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
const producers = [
  ...(installed(python) ? [{ name: 'python3 print() loop', command: [python, join(work, 'producer.py')] }] : []),
  { name: 'node, 64 KiB writes', command: [process.execPath, join(work, 'producer.mjs')] },
];
const devNull = ['ignore', 'ignore', 'inherit'];
const READER = join(work, 'reader.mjs');
writeFileSync(
  READER,
  `import { spawn } from 'node:child_process';
const [file, ...args] = process.argv.slice(2);
const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.resume();
child.stderr.resume();
child.on('close', (code) => process.exit(code ?? 1));
`,
);
console.log(`# logs — ${machine()}; ${lines.toLocaleString('en')} lines of ~60 bytes, ${rounds} interleaved rounds\n`);
const rows = [];
let allPersisted = true;
for (const producer of producers) {
  const home = join(work, `home-${rows.length}`);
  const pipeline = join(work, `logs-${rows.length}.pipeline.json`);
  const command = producer.command.map((part) => JSON.stringify(part)).join(' ');
  writeFileSync(pipeline, JSON.stringify({ schemaVersion: 1, name: 'logs', nodes: [{ id: 'chatty', type: 'script.shell', params: { command }, position: { x: 0, y: 0 } }] }));
  // PYTHONUNBUFFERED=1 (set on some machines, this one included) would make every print() its own write syscall.
  const env = { PYTHONUNBUFFERED: '' };
  const alone = () => time(producer.command[0], producer.command.slice(1), { stdio: devNull, env });
  const ours = () => time(process.execPath, [CLI, 'run', pipeline, '--no-cache'], { env: { ...env, PIPEWRIGHT_HOME: home }, stdio: devNull });
  const reader = () => time(process.execPath, [READER, ...producer.command], { env });
  ours();
  const a = [];
  const b = [];
  const c = [];
  for (let i = 0; i < rounds; i++) {
    const order = [[alone, a], [ours, b], [reader, c]];
    for (let k = 0; k < order.length; k++) {
      const [run, into] = order[(k + i) % order.length];
      into.push(run());
    }
  }
  const db = new Database(join(home, 'pipewright.db'), { readonly: true });
  const runs = db.prepare('SELECT r.id, n.log_lines AS lines FROM runs r JOIN run_nodes n ON n.run_id = r.id').all();
  const stored = db.prepare('SELECT coalesce(sum(line_count), 0) AS n, count(*) AS chunks FROM run_log_chunks WHERE run_id = ?');
  const persisted = runs.every((r) => r.lines === lines && stored.get(r.id).n === lines);
  const lastRun = runs.at(-1).id;
  const chunks = stored.get(lastRun).chunks;
  db.close();
  const fileLines = readFileSync(join(home, 'artifacts', lastRun, '_logs', 'chatty.stdout.log'), 'utf8').trimEnd().split('\n');
  const exact = persisted && fileLines.length === lines && fileLines.at(-1).startsWith(`line ${String(lines - 1).padStart(8, '0')}`);
  allPersisted &&= exact;
  const ratio = median(b) / median(a);
  const rate = (ms) => Math.round(lines / (ms / 1000)).toLocaleString('en');
  rows.push([
    producer.name,
    median(a).toFixed(0),
    rate(median(a)),
    median(c).toFixed(0),
    median(b).toFixed(0),
    rate(median(b)),
    ratio.toFixed(2),
    ratio <= 2 ? 'met' : 'missed',
    `${exact ? 'yes' : 'NO'} (${runs.length} runs, ${chunks} index chunks each)`,
  ]);
}
console.log(
  markdownTable(
    ['producer', '> /dev/null ms', 'lines/s', 'bare Node reader ms', 'pipewright run ms', 'lines/s', 'ratio to /dev/null', 'target ≤ 2×', 'every line persisted'],
    rows,
  ),
);
console.log(`\nat the end: ${fileCreationCost()}`);
rmSync(work, { recursive: true, force: true });
if (!allPersisted) process.exit(1);
