// One node of a run from ready to final: cache decision, attempts (timeout, retries), outputs, metrics, cache entry.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { changedKeyParts, keyChanges, type CacheKeyDetail, type CacheReport } from '../../shared/runs/cache-report';
import { plainText } from '../../shared/runs/plain-text';
import type { FinalNodeState } from '../../shared/runs/run-status';
import type { CacheEntry, CachedOutput } from '../store/cache.repo';
import { processLogFile } from '../store/run-logs.repo';
import type { NodeEnvSpec } from '../nodes/node-env';
import { cacheKey, cacheKeyParts } from './cache-key';
import { hashContent, type ContentInfo } from './content-hash';
import { fullDiskNote } from './disk-space';
import { HashProgress, type HashProgressText } from './hash-progress';
import { blockText } from './log-lines';
import { NodeLogTail } from './log-tail';
import { straysText } from './marked-processes';
import { nodeProcessCommand } from './node-command';
import { MetricsTail, type MetricsRead } from './metrics-tail';
import { metricsPath, outputPath } from './node-files';
import { startAttempt, type ProcessOutcome, type RunningAttempt } from './node-process';
import { spawnFailure } from './spawn-failure';
import type { RunContext } from './run-context';
import type { PlannedNode } from './run-plan';
import type { NodeTelemetry } from './telemetry';

/** A produced (or restored) output artifact. */
export interface OutputArtifact {
  path: string;
  info: ContentInfo;
}

/** How a node ended. */
export interface NodeOutcome {
  status: FinalNodeState;
  exitCode: number | null;
  error?: string;
  attempts: number;
  cached: boolean;
  outputs: Record<string, OutputArtifact>;
  telemetry?: NodeTelemetry;
}

/** Telemetry events at most this often per node (samples are taken more often; peaks are kept). */
const TELEMETRY_EVENT_MS = 1000;

export class NodeExecution {
  private attempt: RunningAttempt | undefined;
  private stopped = false;
  /** Stops the engine's own long work for the node (hashing a large file or output) when the node is stopped. */
  private readonly aborter = new AbortController();
  /** Why the run stopped this node (the error it ends canceled with). */
  private stopReason = 'canceled';
  private report: CacheReport | undefined;
  /** What the report's params and env parts were made of: kept with the cached result. */
  private keyDetail: CacheKeyDetail | undefined;
  private inputHashes: Record<string, string[]> = {};
  private inputPaths: Record<string, string[]> = {};
  /** When run() began: a cached result keeps how long making it took. */
  private runStartedAt = 0;
  /** The node's stdout and stderr files, followed across attempts (a retry appends to them). */
  private logs: { tail: NodeLogTail; stdoutFile: string; stderrFile: string } | undefined;

  constructor(
    private readonly ctx: RunContext,
    private readonly planned: PlannedNode,
    upstream: ReadonlyMap<string, NodeOutcome>,
  ) {
    for (const input of planned.inputs) {
      const artifacts = input.sources.map((s) => upstream.get(s.nodeId)!.outputs[s.port]!);
      this.inputPaths[input.port] = artifacts.map((a) => a.path);
      this.inputHashes[input.port] = artifacts.map((a) => a.info.hash.slice(0, 16));
    }
  }

  /** Decides on the cache; returns the cached outcome on a hit, or null when the node has to run. */
  async fromCache(): Promise<NodeOutcome | null> {
    const { ctx, planned } = this;
    const progress = this.hashProgress({
      going: (bytes) => `hashing the files the node reads, for its cache key: ${bytes} so far…`,
      done: (bytes, took) => `hashed ${bytes} of files the node reads in ${took} (remembered until they change)`,
    });
    const { parts, detail } = await cacheKeyParts({
      definition: planned.definition,
      params: { ...planned.params, '@outputs': planned.outputs.map((p) => `${p.id}:${p.type}`) },
      inputs: this.inputHashes,
      ...(planned.settings.watchFiles ? { watchFiles: planned.settings.watchFiles } : {}),
      baseDir: ctx.baseDir,
      hasher: ctx.hasher,
      watch: { onBytes: progress.count, signal: this.aborter.signal },
    });
    progress.done();
    this.keyDetail = detail;
    const key = cacheKey(planned.id, parts);
    const bypass = this.bypass();
    const entry = bypass ? undefined : ctx.cache.get(key);
    if (entry && Object.values(entry.outputs).every((o) => ctx.objects.has(o.hash))) {
      try {
        const outcome = this.restore(entry);
        this.report = { hit: true, key, parts, sourceRunId: entry.runId, ...(entry.durationMs === undefined ? {} : { sourceDurationMs: entry.durationMs }) };
        ctx.emitter.emit({ type: 'node.cache', nodeId: planned.id, report: this.report });
        // The series the result was made with, point by point, then the final values: the run shows its curves too.
        for (const [name, points] of Object.entries(entry.series ?? {})) {
          for (const { step, value } of points) ctx.emitter.emit({ type: 'node.metric', nodeId: planned.id, name, value, step });
        }
        for (const [name, value] of Object.entries(entry.metrics)) ctx.emitter.emit({ type: 'node.metric', nodeId: planned.id, name, value });
        return outcome;
      } catch (error) {
        ctx.emitter.system(planned.id, `cache entry unusable (${(error as Error).message}); running the node`);
      }
    }
    // What changed is worth a query only when the cache was asked; a bypass says why it was not.
    const previous = bypass ? undefined : ctx.cache.latest(ctx.pipelineName, planned.id);
    this.report = bypass ? { hit: false, key, parts, bypass } : { hit: false, key, parts, changed: previous ? changedKeyParts(previous.parts, parts) : null };
    const changes = previous?.detail && this.report.changed?.some((part) => part === 'params' || part === 'env') ? keyChanges(previous.detail, detail) : undefined;
    if (changes) this.report.changes = changes;
    ctx.emitter.emit({ type: 'node.cache', nodeId: planned.id, report: this.report });
    return null;
  }

  /** Runs the node's process, retrying after failures as its settings allow. */
  async run(): Promise<NodeOutcome> {
    const { planned, ctx } = this;
    const retries = planned.settings.retries ?? 0;
    this.runStartedAt = Date.now();
    let telemetry: NodeTelemetry | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await this.runAttempt(attempt);
        if (result.telemetry) telemetry = result.telemetry;
        const outcome = { ...result.outcome, attempts: attempt, ...(telemetry ? { telemetry } : {}) };
        if (outcome.status !== 'failed' || attempt > retries || this.stopped) return outcome;
        ctx.emitter.system(planned.id, `attempt ${attempt} failed (${outcome.error}); retrying (attempt ${attempt + 1} of ${retries + 1})`);
      }
    } finally {
      this.logs?.tail.close();
    }
  }

  /** Kills the running attempt's process group (SIGTERM, then SIGKILL after the grace period). */
  stop(reason = 'canceled'): void {
    this.stopped = true;
    this.stopReason = reason;
    this.attempt?.stop('cancel');
    this.aborter.abort(new Error(reason));
  }

  /** SIGKILL to the running attempt's group now. */
  kill(): void {
    this.stopped = true;
    this.attempt?.kill();
    this.aborter.abort(new Error(this.stopReason));
  }

  private bypass(): CacheReport['bypass'] {
    const { planned, ctx } = this;
    if (planned.definition.sideEffects) return 'sideEffects';
    if (planned.settings.cache === false) return 'disabled';
    if (planned.role === 'reuse') return undefined;
    if (ctx.options.force.includes(planned.id)) return 'forced';
    if (ctx.options.noCache) return 'noCache';
    return undefined;
  }

  private restore(entry: CacheEntry): NodeOutcome {
    const outputs: Record<string, OutputArtifact> = {};
    for (const port of this.planned.outputs) {
      const cached = entry.outputs[port.id];
      if (!cached) throw new Error(`the cached result has no output "${port.id}"`);
      const path = outputPath(this.ctx.runDir, this.planned.id, port);
      this.ctx.objects.restore(cached.hash, cached.kind, path);
      outputs[port.id] = { path, info: cached };
    }
    this.recordArtifacts(outputs);
    return { status: 'cached', exitCode: null, attempts: 0, cached: true, outputs };
  }

  private async runAttempt(attempt: number): Promise<{ outcome: Omit<NodeOutcome, 'attempts'>; telemetry?: NodeTelemetry }> {
    const { ctx, planned } = this;
    const outputs = Object.fromEntries(planned.outputs.map((port) => [port.id, outputPath(ctx.runDir, planned.id, port)]));
    for (const path of Object.values(outputs)) {
      rmSync(path, { recursive: true, force: true });
      mkdirSync(dirname(path), { recursive: true });
    }
    const metricsFile = metricsPath(ctx.runDir, planned.id);
    if (attempt > 1) rmSync(metricsFile, { force: true });
    const spec: NodeEnvSpec = {
      params: planned.params,
      inputs: this.inputPaths,
      outputs,
      metricsFile,
      baseDir: ctx.baseDir,
      run: {
        runId: ctx.runId,
        nodeId: planned.id,
        pipelineName: ctx.pipelineName,
        ...(ctx.pipelineRevision !== undefined ? { pipelineRevision: ctx.pipelineRevision } : {}),
      },
    };
    let command;
    try {
      command = nodeProcessCommand(ctx, planned, spec);
    } catch (error) {
      return { outcome: failed(null, (error as Error).message) };
    }
    let logs;
    try {
      logs = this.openLogs();
    } catch (error) {
      return { outcome: this.logFailure((error as Error).message) };
    }
    let lastStderr = '';
    const metricsTail = new MetricsTail(metricsFile, (name, value, step) =>
      ctx.emitter.emit({ type: 'node.metric', nodeId: planned.id, name, value, ...(step === undefined ? {} : { step }) }),
    );
    let stopTelemetry: (() => NodeTelemetry | undefined) | undefined;
    let lastTelemetryEvent = 0;
    const timeoutSeconds = planned.settings.timeoutSeconds;
    this.attempt = startAttempt(
      ctx.launcher,
      { ...command, stdoutFile: logs.stdoutFile, stderrFile: logs.stderrFile },
      logs.tail,
      {
        killGraceMs: ctx.settings.killGraceMs,
        marker: { runId: ctx.runId, nodeId: planned.id },
        ...(timeoutSeconds ? { timeoutMs: timeoutSeconds * 1000 } : {}),
      },
      {
        onStart: (pid) => {
          ctx.emitter.emit({ type: 'node.started', nodeId: planned.id, pid, attempt });
          stopTelemetry = ctx.telemetry.watch(pid, (sample) => {
            // Series points show while the node runs, at the pace of the resource samples.
            metricsTail.poll();
            if (Date.now() - lastTelemetryEvent < TELEMETRY_EVENT_MS) return;
            lastTelemetryEvent = Date.now();
            ctx.emitter.emit({ type: 'node.telemetry', nodeId: planned.id, ...sample });
          });
        },
        onLines: (stream, block) => {
          ctx.emitter.log(planned.id, stream, block);
          if (stream === 'stderr') lastStderr = lastNonEmptyLine(block.bytes) ?? lastStderr;
        },
        onLineInProgress: (stream, text) => ctx.emitter.lineInProgress({ nodeId: planned.id, stream, text }),
        onLogError: (error) => ctx.store.reportFailure(new Error(`cannot read the log of ${planned.id}: ${error.message}`)),
      },
    );
    if (this.stopped) this.attempt.stop('cancel');
    const processOutcome = await this.attempt.done;
    this.attempt = undefined;
    if (processOutcome.strays) ctx.emitter.system(planned.id, straysText(processOutcome.strays));
    const telemetry = stopTelemetry?.();
    // What the node wrote counts whatever its end: a failed training still shows its curve up to the failure.
    const metrics = metricsTail.finish();
    for (const warning of metrics.warnings) ctx.emitter.system(planned.id, warning);
    const outcome = await this.judge(processOutcome, outputs, metrics, lastStderr, timeoutSeconds);
    return { outcome, ...(telemetry ? { telemetry } : {}) };
  }

  /** Turns a process outcome into the node's state; on success collects outputs and the cache entry (with its metrics). */
  private async judge(
    result: ProcessOutcome,
    paths: Record<string, string>,
    metrics: MetricsRead,
    lastStderr: string,
    timeoutSeconds: number | undefined,
  ): Promise<Omit<NodeOutcome, 'attempts'>> {
    const { planned, ctx } = this;
    if (result.failure?.kind === 'logs') return this.logFailure(result.failure.message);
    if (result.failure?.kind === 'spawn') return failed(null, `could not start the node's process: ${spawnFailure(result.failure.message, ctx.cwd)}`);
    if (result.failure?.kind === 'lost') return failed(null, `${result.failure.message}; its processes were killed`);
    if (result.stoppedBy === 'cancel') return { status: 'canceled', exitCode: result.exitCode, error: this.stopReason, cached: false, outputs: {} };
    if (result.stoppedBy === 'timeout') return failed(result.exitCode, `timed out after ${timeoutSeconds} s; its processes were killed`);
    if (result.exitCode !== 0) {
      const how = result.signal ? `killed by ${result.signal}` : `exited with code ${result.exitCode}`;
      const said = result.signal ? undefined : builtInNodeError(planned, lastStderr);
      return failed(result.exitCode, `${said ?? (lastStderr ? `${how}: ${lastStderr}` : how)}${fullDiskNote(ctx.runDir)}`);
    }
    const missing = planned.outputs.filter((port) => !existsSync(paths[port.id]!));
    if (missing.length > 0) {
      return failed(0, `exited 0 but did not write its output${missing.length > 1 ? 's' : ''} ${missing.map((p) => `"${p.id}" (${paths[p.id]})`).join(', ')}`);
    }
    const storeInCache = this.report?.bypass !== 'sideEffects' && this.report?.bypass !== 'disabled';
    const outputs: Record<string, OutputArtifact> = {};
    const progress = this.hashProgress({
      going: (bytes) => `hashing the outputs${storeInCache ? ' into the cache' : ''}: ${bytes} so far…`,
      done: (bytes, took) => `hashed ${bytes} of outputs${storeInCache ? ' into the cache' : ''} in ${took}`,
    });
    const watch = { onBytes: progress.count, signal: this.aborter.signal };
    try {
      for (const port of planned.outputs) {
        const path = paths[port.id]!;
        outputs[port.id] = { path, info: storeInCache ? await ctx.objects.put(path, watch) : await hashContent(path, watch) };
      }
    } catch (error) {
      // Cancel does not wait for a large output to be hashed: the node ends canceled, nothing of it cached.
      if (this.aborter.signal.aborted) return { status: 'canceled', exitCode: 0, error: `${this.stopReason} while its outputs were hashed`, cached: false, outputs: {} };
      throw error;
    }
    progress.done();
    this.recordArtifacts(outputs);
    if (storeInCache && this.report) this.storeCacheEntry(this.report, outputs, metrics);
    return { status: 'succeeded', exitCode: 0, cached: false, outputs };
  }

  /** Progress of hashing, said in the node's log when it takes a while. */
  private hashProgress(text: HashProgressText): HashProgress {
    return new HashProgress(text, (line) => this.ctx.emitter.system(this.planned.id, line));
  }

  /** The log files (their folder made on first use) and their tail, once per node. */
  private openLogs(): NonNullable<NodeExecution['logs']> {
    if (!this.logs) {
      const { ctx, planned } = this;
      const dir = ctx.logFolder.ensure();
      const file = (stream: 'stdout' | 'stderr') => ({ name: processLogFile(planned.id, stream), path: join(dir, processLogFile(planned.id, stream)) });
      const files = { stdout: file('stdout'), stderr: file('stderr') };
      this.logs = { tail: new NodeLogTail(files), stdoutFile: files.stdout.path, stderrFile: files.stderr.path };
    }
    return this.logs;
  }

  /** The node's log cannot be written: the store stops the run (as for any write it cannot make); the node did not run. */
  private logFailure(message: string): Omit<NodeOutcome, 'attempts'> {
    this.ctx.store.reportFailure(new Error(`cannot write the log of ${this.planned.id}: ${message}`));
    return { status: 'canceled', exitCode: null, error: `not started: its log could not be written (${message})`, cached: false, outputs: {} };
  }

  private storeCacheEntry(report: CacheReport, outputs: Record<string, OutputArtifact>, metrics: MetricsRead): void {
    const entry: CacheEntry = {
      key: report.key,
      pipelineName: this.ctx.pipelineName,
      nodeId: this.planned.id,
      parts: report.parts,
      ...(this.keyDetail ? { detail: this.keyDetail } : {}),
      outputs: Object.fromEntries(Object.entries(outputs).map(([port, o]) => [port, { hash: o.info.hash, kind: o.info.kind, size: o.info.size } satisfies CachedOutput])),
      metrics: metrics.metrics,
      ...(Object.keys(metrics.series).length > 0 ? { series: metrics.series } : {}),
      runId: this.ctx.runId,
      createdAt: new Date().toISOString(),
      durationMs: Date.now() - this.runStartedAt,
    };
    this.ctx.store.defer(() => this.ctx.cache.put(entry));
  }

  private recordArtifacts(outputs: Record<string, OutputArtifact>): void {
    const { ctx, planned } = this;
    const rows = planned.outputs
      .filter((port) => outputs[port.id])
      .map((port) => {
        const o = outputs[port.id]!;
        return { nodeId: planned.id, port: port.id, type: port.type, kind: o.info.kind, path: o.path, hash: o.info.hash, size: o.info.size, fileName: '' };
      });
    if (rows.length > 0) ctx.store.defer(() => rows.forEach((row) => ctx.runsRepo.addArtifact(ctx.runId, row)));
  }
}

function failed(exitCode: number | null, error: string): Omit<NodeOutcome, 'attempts'> {
  return { status: 'failed', exitCode, error: error.length > 500 ? `${error.slice(0, 497)}...` : error, cached: false, outputs: {} };
}

/**
 * A built-in node that fails says why in one sentence, which `pipewright run-node` prints as `pipewright: <type>: …`:
 * that sentence alone is its error ("file not found: data.csv", where a badge has room for it), not
 * "exited with code 1: pipewright: data.csv: file not found: data.csv". Undefined for anything else.
 */
function builtInNodeError(planned: PlannedNode, lastStderr: string): string | undefined {
  const prefix = `pipewright: ${planned.definition.id}: `;
  return planned.definition.runtime !== 'script' && lastStderr.startsWith(prefix) ? lastStderr.slice(prefix.length) : undefined;
}

/** The last non-blank line of a block, decoding only its tail (a large block costs one small slice). */
function lastNonEmptyLine(bytes: Buffer): string | undefined {
  const text = blockText(bytes.subarray(Math.max(0, bytes.length - 4096)));
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = plainText(text.slice(start, end)).trim();
    if (line) return line;
    end = start - 1;
  }
  return undefined;
}
