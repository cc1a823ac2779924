// The floor for any Node runner: reads tasks.json ([{id, deps, command}]) and runs the DAG with child_process.spawn
// at a concurrency limit, capturing stdout/stderr through pipes as a runner must. Usage: bare-spawner.mjs tasks.json 2
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const tasks = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const limit = Number(process.argv[3] ?? 2);
const waiting = new Map(tasks.map((t) => [t.id, t.deps.length]));
const dependents = new Map(tasks.map((t) => [t.id, []]));
for (const t of tasks) for (const d of t.deps) dependents.get(d).push(t);
const ready = tasks.filter((t) => t.deps.length === 0);
let running = 0;

function pump() {
  while (running < limit && ready.length > 0) {
    const task = ready.shift();
    running++;
    const child = spawn('/bin/sh', ['-c', task.command], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('close', (code) => {
      if (code !== 0) process.exit(1);
      running--;
      for (const next of dependents.get(task.id)) if (waiting.set(next.id, waiting.get(next.id) - 1).get(next.id) === 0) ready.push(next);
      pump();
    });
  }
}
pump();
