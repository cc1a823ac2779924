// Writes one DAG in every contender's own format: a Pipewright pipeline of script.shell nodes, a Makefile, the bare
// spawner's task list, a Snakefile and a wireit package.json. Every node runs the same no-op command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NOOP = 'true';

export function writeContenders(dir, name, nodes) {
  mkdirSync(dir, { recursive: true });
  const pipeline = {
    schemaVersion: 1,
    name,
    parameters: [],
    nodes: nodes.map((n, i) => ({ id: n.id, type: 'script.shell', params: { command: NOOP }, position: { x: i * 10, y: 0 } })),
    edges: nodes.flatMap((n) => n.deps.map((d) => ({ id: `${d}-${n.id}`, source: d, target: n.id }))),
  };
  writeFileSync(join(dir, 'pipeline.json'), JSON.stringify(pipeline));
  // make: phony targets, so every run executes every recipe (like --no-cache).
  const make = [`.PHONY: all ${nodes.map((n) => n.id).join(' ')}`, `all: ${nodes.map((n) => n.id).join(' ')}`];
  for (const n of nodes) make.push(`${n.id}: ${n.deps.join(' ')}`, `\t@${NOOP}`);
  writeFileSync(join(dir, 'Makefile'), `${make.join('\n')}\n`);
  writeFileSync(join(dir, 'tasks.json'), JSON.stringify(nodes.map((n) => ({ ...n, command: NOOP }))));
  // snakemake: one wildcard rule; dependencies come from a table (the idiomatic way for a generated DAG).
  const deps = Object.fromEntries(nodes.map((n) => [n.id, n.deps]));
  writeFileSync(
    join(dir, 'Snakefile'),
    [
      `DEPS = ${JSON.stringify(deps)}`,
      'rule all:',
      '    input: expand("out/{n}", n=list(DEPS))',
      'rule node:',
      '    input: lambda w: [f"out/{d}" for d in DEPS[w.n]]',
      '    output: "out/{n}"',
      `    shell: "${NOOP}; touch {output}"`,
      '',
    ].join('\n'),
  );
  // wireit: one npm script per node; no files/output declared, so wireit runs every script every time.
  const scripts = { all: 'wireit' };
  const wireit = { all: { dependencies: nodes.map((n) => n.id) } };
  for (const n of nodes) {
    scripts[n.id] = 'wireit';
    wireit[n.id] = { command: NOOP, dependencies: n.deps };
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true, scripts, wireit }));
}
