// Scheduling overhead (issue 4): generated DAGs of no-op script.shell nodes — chain, wide fan-out/fan-in, random
// layered; 50, 200, 1000 nodes; concurrency 2 — run by `pipewright run` and, in the same interleaved rounds, by
// GNU make -j2 on the equivalent Makefile, a bare Node spawner, and the peers that are installed (wireit, snakemake).
// Usage: node bench/runner/scheduling.bench.mjs [--sizes 50,200,1000] [--shapes chain,wide,random] [--rounds 5]
//   [--compare other/dist/cli.js]   (also times another build of the CLI, e.g. main's, in the same rounds)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ensureCli, fileCreationCost, installed, machine, markdownTable, median, ROOT, time } from './bench-utils.mjs';
import { writeContenders } from './contenders.mjs';
import { SHAPES } from './dag-shapes.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,200,1000' },
    shapes: { type: 'string', default: 'chain,wide,random' },
    rounds: { type: 'string', default: '5' },
    'slow-peer-rounds': { type: 'string', default: '1' },
    compare: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const shapes = values.shapes.split(',');
const rounds = Number(values.rounds);
const slowRounds = Number(values['slow-peer-rounds']);
ensureCli();

const BIN = join(ROOT, 'node_modules', '.bin');
// `--slow-peer-rounds 0` leaves the slow peers out.
const peers = { wireit: slowRounds > 0 && existsSync(join(BIN, 'wireit')), snakemake: slowRounds > 0 && installed('snakemake') };

/** `pipewright run` of one build of the CLI, on its own home (so neither build migrates the other's database). */
const pipewright = (cli, dir, home) => time(process.execPath, [cli, 'run', join(dir, 'pipeline.json'), '--concurrency', '2', '--no-cache'], { env: { PIPEWRIGHT_HOME: home } });

const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-'));
console.log(`# scheduling overhead — ${machine()}; ${rounds} interleaved rounds (slow peers: ${slowRounds})\n`);
const rows = [];
for (const size of sizes) {
  for (const shape of shapes) {
    const dir = join(work, `${shape}-${size}`);
    writeContenders(dir, `${shape}-${size}`, SHAPES[shape](size));
    const home = join(dir, 'home');
    const contenders = {
      pipewright: () => pipewright(CLI, dir, home),
      ...(values.compare ? { 'pipewright (compare)': () => pipewright(values.compare, dir, `${home}-compare`) } : {}),
      'bare spawner': () => time(process.execPath, [join(ROOT, 'bench/runner/bare-spawner.mjs'), join(dir, 'tasks.json'), '2']),
      'make -j2': () => time('make', ['-j2', '-f', join(dir, 'Makefile'), 'all']),
    };
    const slow = {};
    if (peers.wireit) {
      // npm puts the package's own node_modules/.bin on PATH; these generated packages borrow ours.
      const env = { WIREIT_PARALLEL: '2', WIREIT_CACHE: 'none', WIREIT_LOGGER: 'quiet', PATH: `${BIN}:${process.env.PATH}` };
      slow.wireit = () => time('npm', ['run', '--silent', 'all'], { cwd: dir, env });
    }
    if (peers.snakemake && shape !== 'chain') {
      slow.snakemake = () => {
        rmSync(join(dir, 'out'), { recursive: true, force: true });
        return time('snakemake', ['-j2', '--quiet', '-s', join(dir, 'Snakefile')], { cwd: dir });
      };
    }
    const names = [...Object.keys(contenders), ...Object.keys(slow)];
    const timings = Object.fromEntries(names.map((n) => [n, []]));
    // Warm-up: creates the databases and the page cache for every contender's files.
    for (const [name, run] of Object.entries(contenders)) if (name.startsWith('pipewright')) run();
    for (let round = 0; round < rounds; round++) {
      const order = Object.keys(contenders);
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
      for (const name of rotated) timings[name].push(contenders[name]());
      if (round < slowRounds) for (const [name, run] of Object.entries(slow)) timings[name].push(run());
    }
    const ours = median(timings.pipewright);
    for (const name of names) {
      const m = median(timings[name]);
      rows.push([shape, size, name, m.toFixed(0), (m / size).toFixed(2), name === 'pipewright' ? '1.00' : (ours / m).toFixed(2)]);
    }
    console.log(`${shape} ${size}: ${names.map((n) => `${n} ${median(timings[n]).toFixed(0)} ms`).join(' · ')}`);
  }
}
console.log(`\n${markdownTable(['shape', 'nodes', 'runner', 'median ms', 'ms / node', 'pipewright ÷ runner'], rows)}`);
console.log(`\nat the end: ${fileCreationCost()}`);
rmSync(work, { recursive: true, force: true });
