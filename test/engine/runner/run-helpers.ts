// Test helpers for the runner: tiny pipelines of script nodes, a RunService on a temp home, and event queries.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { getNodeType, type NodeTypeLookup } from '../../../shared/nodes/index';
import type { NodeSettings, Pipeline, PipelineEdge, PipelineNode, Port } from '../../../shared/pipeline/pipeline.schema';
import type { LineInProgress, RunEvent } from '../../../shared/runs/run-events';
import { runOptionsSchema, type RunOptionsInput } from '../../../shared/runs/run-options';
import { resolveHome } from '../../../engine/home';
import { expandLogChunk, type LogChunk } from '../../../engine/runner/log-chunk';
import type { RunSink } from '../../../engine/runner/run-emitter';
import type { SpawnerCommand } from '../../../engine/runner/spawner/spawner-client';
import { nodeSpawner, pythonSpawner } from '../../../engine/runner/create-run-service';
import { RunService } from '../../../engine/runner/run-service';
import { openDatabase } from '../../../engine/store/database';
import { tempDir } from '../../support/temp-home';

/** A script.shell node. */
export function shell(
  id: string,
  command: string,
  extra: { inputs?: Port[]; outputs?: Port[]; settings?: NodeSettings; env?: Record<string, string> } = {},
): PipelineNode {
  return {
    id,
    type: 'script.shell',
    params: { command, ...(extra.env ? { env: extra.env } : {}) },
    position: { x: 0, y: 0 },
    ...(extra.inputs ? { inputs: extra.inputs } : {}),
    ...(extra.outputs ? { outputs: extra.outputs } : {}),
    ...(extra.settings ? { settings: extra.settings } : {}),
  };
}

/** An order-only edge, or an artifact edge when ports are given (`a.out` → `b.in`). */
export function edge(from: string, to: string): PipelineEdge {
  const [source, sourceHandle] = from.split('.');
  const [target, targetHandle] = to.split('.');
  return { id: `${from}->${to}`, source: source!, target: target!, ...(sourceHandle ? { sourceHandle } : {}), ...(targetHandle ? { targetHandle } : {}) };
}

export function pipeline(nodes: PipelineNode[], edges: PipelineEdge[] = [], name = 'test'): Pipeline {
  return { schemaVersion: 1, name, parameters: [], nodes, edges };
}

/** `node -e <script>` as a shell command (the script is single-quoted; it must not contain single quotes). */
export function nodeScript(script: string): string {
  return `${JSON.stringify(process.execPath)} -e '${script}'`;
}

/** Collects every event of a run, log lines expanded, in seq order. */
export class CollectSink implements RunSink {
  readonly events: RunEvent[] = [];
  /** Lines in progress as reported, with the number of events seen before each. */
  readonly inProgress: (LineInProgress & { after: number })[] = [];
  event(event: RunEvent): void {
    this.events.push(event);
  }
  lineInProgress(line: LineInProgress): void {
    this.inProgress.push({ ...line, after: this.events.length });
  }
  logs(chunk: LogChunk): void {
    this.events.push(...expandLogChunk(chunk));
  }
  of<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
  }
  finished(nodeId: string): Extract<RunEvent, { type: 'node.finished' }> {
    return this.of('node.finished').find((e) => e.nodeId === nodeId)!;
  }
  cache(nodeId: string) {
    return this.of('node.cache').find((e) => e.nodeId === nodeId)!.report;
  }
}

export interface Harness {
  service: RunService;
  /**
   * Resolves once the harness's launch mode is in effect: true when the spawner helper listens. With the real helper,
   * fails the test when the helper did not come up (a test in spawner mode must not pass by starting processes itself).
   */
  ready(): Promise<boolean>;
  home: string;
  /** A folder pipelines run in (their baseDir). */
  work: string;
  run(doc: Pipeline, options?: RunOptionsInput, params?: Record<string, unknown>): Promise<{ id: string; sink: CollectSink; status: string }>;
  close(): void;
}

/**
 * How a harness starts node processes: from the engine itself, or through a spawner helper — dist/spawner.js on Node,
 * or dist/spawner.py on the system's Python — started ahead of the first run, as long-lived hosts do.
 */
export type LaunchMode = 'direct' | 'node-spawner' | 'python-spawner';

/** The helpers as the engine starts them (vitest's global setup builds dist/). */
export function spawnerCommand(mode: 'node-spawner' | 'python-spawner'): SpawnerCommand {
  const command = mode === 'node-spawner' ? nodeSpawner() : pythonSpawner();
  if (!command) throw new Error(`no ${mode} here: build dist/ first; the Python helper needs /usr/bin/python3`);
  return command;
}

export function harness(
  settings: { killGraceMs?: number; lookup?: NodeTypeLookup; nodeCommand?: string[]; launch?: LaunchMode; spawners?: SpawnerCommand[] } = {},
): Harness {
  const home = resolveHome(tempDir('pipewright-runner-'));
  const work = tempDir('pipewright-work-');
  const db = openDatabase(home.database);
  const launch = settings.launch ?? 'direct';
  const spawners = settings.spawners ?? (launch === 'direct' ? undefined : [spawnerCommand(launch)]);
  const service = new RunService({
    db,
    home,
    lookup: settings.lookup ?? getNodeType,
    settings: {
      nodeCommand: settings.nodeCommand ?? [process.execPath, '-e', ''],
      nodeCommandEnv: {},
      killGraceMs: settings.killGraceMs ?? 500,
      defaultConcurrency: 2,
      ...(spawners ? { spawners } : {}),
    },
  });
  // Started at once, checked when a test waits for it: a test that never runs anything must not fail after closing.
  const warmUp = spawners ? service.warmUp() : Promise.resolve(false);
  const ready = async () => {
    const up = await warmUp;
    if (launch !== 'direct' && !settings.spawners) expect(up).toBe(true);
    return up;
  };
  return {
    service,
    ready,
    home: home.root,
    work,
    async run(doc, options = {}, params = {}) {
      await ready();
      const sink = new CollectSink();
      const run = service.start({ pipeline: doc, baseDir: work, params, options: runOptionsSchema.parse(options), trigger: 'api', sinks: [sink] });
      const finished = await run.done;
      return { id: run.id, sink, status: finished.status };
    },
    close() {
      service.shutdown();
      db.close();
    },
  };
}

/** Pids of live (non-zombie) processes whose environment says they belong to `runId` (Linux /proc). */
export function processesOfRun(runId: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`PIPEWRIGHT_RUN_ID=${runId}`)) pids.push(Number(name));
    } catch {
      // vanished while we looked
    }
  }
  return pids;
}
