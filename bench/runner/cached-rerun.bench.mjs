// Fully cached re-run (issue 4): the 1000-node DAGs run once, then `pipewright run` again with every node a cache
// hit, CLI start included; target ≤ 250 ms. For comparison, snakemake's "nothing to be done" on the same DAG.
// Usage: node bench/runner/cached-rerun.bench.mjs [--size 1000] [--rounds 10]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ensureCli, fileCreationCost, installed, machine, markdownTable, median, time } from './bench-utils.mjs';
import { writeContenders } from './contenders.mjs';
import { SHAPES } from './dag-shapes.mjs';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '10' } } });
const size = Number(values.size);
const rounds = Number(values.rounds);
ensureCli();
const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
console.log(`# fully cached re-run — ${machine()}; ${rounds} rounds\n`);
const rows = [];
for (const shape of Object.keys(SHAPES)) {
  const dir = join(work, shape);
  writeContenders(dir, `${shape}-${size}`, SHAPES[shape](size));
  const env = { PIPEWRIGHT_HOME: join(dir, 'home') };
  const run = () => time(process.execPath, [CLI, 'run', join(dir, 'pipeline.json'), '--concurrency', '2'], { env });
  const startup = () => time(process.execPath, [CLI, '--version']);
  run(); // fills the cache
  const cached = [];
  const bare = [];
  for (let i = 0; i < rounds; i++) {
    cached.push(run());
    bare.push(startup());
  }
  rows.push([shape, size, 'pipewright run (all cached)', median(cached).toFixed(0), Math.min(...cached).toFixed(0), median(cached) <= 250 ? 'met' : 'missed']);
  rows.push([shape, size, 'pipewright --version (start-up alone)', median(bare).toFixed(0), Math.min(...bare).toFixed(0), '']);
  if (installed('snakemake') && shape !== 'chain') {
    time('snakemake', ['-j2', '--quiet', '-s', join(dir, 'Snakefile')], { cwd: dir });
    const up = time('snakemake', ['-j2', '--quiet', '-s', join(dir, 'Snakefile')], { cwd: dir });
    rows.push([shape, size, 'snakemake (nothing to be done)', up.toFixed(0), up.toFixed(0), '']);
  }
  console.log(`${shape}: cached re-run median ${median(cached).toFixed(0)} ms`);
}
console.log(`\n${markdownTable(['shape', 'nodes', 'what', 'median ms', 'best ms', 'target ≤ 250 ms'], rows)}`);
console.log(`\nat the end: ${fileCreationCost()}`);
rmSync(work, { recursive: true, force: true });
