// Executes a run plan: topological readiness, independent branches in parallel up to the concurrency limit,
// failure → downstream skipped, fail-fast or finish-independent-branches, cancel.
import { isSuccessState, type FinalNodeState, type RunStatus } from '../../shared/runs/run-status';
import type { RunFinishedEvent } from '../../shared/runs/run-events';
import { NodeExecution, type NodeOutcome } from './node-execution';
import { killMarked, stopMarked, straysText, type MarkedProcess } from './marked-processes';
import type { RunContext } from './run-context';
import { nodeWeight, type PlannedNode } from './run-plan';

type StopReason = { kind: 'cancel' } | { kind: 'failFast'; nodeId: string } | { kind: 'error'; message: string };

export class Scheduler {
  private readonly results = new Map<string, NodeOutcome>();
  private readonly waitingOn = new Map<string, number>();
  private readonly startedAt = new Map<string, number>();
  /** Nodes whose cache said "run", waiting for a slot, kept in topological order. */
  private readonly ready: PlannedNode[] = [];
  private readonly running = new Map<string, NodeExecution>();
  /** Executions whose cache check said "run", until they get a slot. */
  private readonly executions = new Map<string, NodeExecution>();
  /** Executions still deciding on the cache (hashing the files they read may take a while). */
  private readonly preparing = new Set<NodeExecution>();
  private usedSlots = 0;
  /** Nodes whose last input just completed, readied in order by the complete() call that is settling. */
  private readonly unblocked: string[] = [];
  /** True while a complete() call readies what it unblocked; calls made meanwhile only record their node. */
  private settling = false;
  private stop: StopReason | undefined;
  /** A node process was started (a fully cached run has no processes to look for at its end). */
  private launched = false;
  /** The engine is closing: the run ends now, without waiting. */
  private aborting = false;
  private readonly runStarted = Date.now();
  private finish!: (event: RunFinishedEvent) => void;
  readonly done: Promise<RunFinishedEvent>;

  constructor(private readonly ctx: RunContext) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  /** Starts every node without upstream nodes; the rest follow as their inputs complete. */
  start(): void {
    const { plan } = this.ctx;
    for (const id of plan.order) this.waitingOn.set(id, plan.nodes.get(id)!.upstream.length);
    for (const id of plan.order) if (this.waitingOn.get(id) === 0) this.becomeReady(plan.nodes.get(id)!);
  }

  /** Stops the run: nothing new starts, running nodes' process groups are killed, the rest end as canceled. */
  cancel(): void {
    this.halt({ kind: 'cancel' });
  }

  /** Stops the run because Pipewright itself cannot go on (its store cannot be written): like cancel, but it fails. */
  fail(message: string): void {
    this.halt({ kind: 'error', message });
  }

  private halt(stop: StopReason): void {
    if (this.stop?.kind === stop.kind || this.results.size === this.ctx.plan.order.length) return;
    this.stop = stop;
    for (const node of this.ready.splice(0)) this.complete(node, canceledOutcome(this.stopMessage()));
    const why = stop.kind === 'error' ? stop.message : 'canceled';
    for (const execution of [...this.running.values(), ...this.preparing]) execution.stop(why);
  }

  /** Ends the run now (the engine is closing): SIGKILL to every running group, every unfinished node canceled. */
  abort(reason: string): void {
    if (this.results.size === this.ctx.plan.order.length) return;
    this.stop = { kind: 'cancel' };
    this.aborting = true;
    this.ready.length = 0;
    for (const execution of [...this.running.values(), ...this.preparing]) execution.kill();
    for (const id of this.ctx.plan.order) if (!this.results.has(id)) this.complete(this.ctx.plan.nodes.get(id)!, canceledOutcome(reason));
  }

  private becomeReady(node: PlannedNode): void {
    if (this.results.has(node.id)) return;
    const blocked = node.upstream.find((id) => !isSuccessState(this.results.get(id)!.status));
    if (blocked) {
      const status = this.results.get(blocked)!.status;
      if (status === 'canceled') return this.complete(node, canceledOutcome(`upstream node ${blocked} was canceled`));
      return this.complete(node, { ...canceledOutcome(`upstream node ${blocked} ${status === 'failed' ? 'failed' : 'was skipped'}`), status: 'skipped' });
    }
    if (this.stop) return this.complete(node, canceledOutcome(this.stopMessage()));
    this.startedAt.set(node.id, Date.now());
    const execution = new NodeExecution(this.ctx, node, this.results);
    this.preparing.add(execution);
    execution.fromCache().then(
      (cached) => {
        this.preparing.delete(execution);
        if (this.results.has(node.id)) return;
        if (cached) return this.complete(node, cached);
        if (this.stop) return this.complete(node, canceledOutcome(this.stopMessage()));
        this.enqueue(node, execution);
      },
      (error: Error) => {
        this.preparing.delete(execution);
        // A stop interrupts the hashing of large files the node reads: that is a cancel, not a failure.
        if (this.stop) return this.complete(node, canceledOutcome(this.stopMessage()));
        this.complete(node, { status: 'failed', exitCode: null, error: `could not prepare the node: ${error.message}`, attempts: 0, cached: false, outputs: {} });
      },
    );
  }

  private enqueue(node: PlannedNode, execution: NodeExecution): void {
    this.executions.set(node.id, execution);
    const at = this.ready.findIndex((n) => n.order > node.order);
    this.ready.splice(at === -1 ? this.ready.length : at, 0, node);
    this.pump();
  }

  /** Starts ready nodes while slots are free (a node needing more slots than are free waits, keeping order). */
  private pump(): void {
    while (this.ready.length > 0 && !this.stop) {
      const node = this.ready[0]!;
      const weight = nodeWeight(node.settings, this.ctx.concurrency);
      if (this.usedSlots + weight > this.ctx.concurrency) return;
      this.ready.shift();
      this.usedSlots += weight;
      const execution = this.executions.get(node.id)!;
      this.executions.delete(node.id);
      this.running.set(node.id, execution);
      this.launched = true;
      this.startedAt.set(node.id, Date.now());
      execution.run().then(
        (outcome) => this.release(node, weight, outcome),
        (error: Error) => this.release(node, weight, { status: 'failed', exitCode: null, error: `runner error: ${error.message}`, attempts: 1, cached: false, outputs: {} }),
      );
    }
  }

  private release(node: PlannedNode, weight: number, outcome: NodeOutcome): void {
    this.running.delete(node.id);
    this.usedSlots -= weight;
    this.complete(node, outcome);
  }

  /**
   * Ends a node, then readies the nodes it unblocked — in a loop, not by recursion: readying one can end it at once
   * (skipped, canceled) and unblock more, and a failure cascading down a chain of thousands of nodes must not overflow
   * the stack. Calls made while that runs only record their node. Finishes the run once every node has ended (here
   * only, so exactly once), or starts what fits.
   */
  private complete(node: PlannedNode, outcome: NodeOutcome): void {
    if (this.results.has(node.id)) return; // ended by abort() before its process exited
    if (this.settling) return this.record(node, outcome);
    this.settling = true;
    try {
      this.record(node, outcome);
      for (let i = 0; i < this.unblocked.length; i++) this.becomeReady(this.ctx.plan.nodes.get(this.unblocked[i]!)!);
    } finally {
      this.unblocked.length = 0;
      this.settling = false;
    }
    if (this.results.size === this.ctx.plan.order.length) this.finishRun();
    else this.pump();
  }

  /** Stores and announces a node's outcome; fail-fast cancels what waits; downstream nodes it unblocks are queued. */
  private record(node: PlannedNode, outcome: NodeOutcome): void {
    this.results.set(node.id, outcome);
    const started = this.startedAt.get(node.id);
    this.ctx.emitter.emit({
      type: 'node.finished',
      nodeId: node.id,
      status: outcome.status,
      exitCode: outcome.exitCode,
      durationMs: started === undefined ? 0 : Date.now() - started,
      cached: outcome.cached,
      attempts: outcome.attempts,
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.telemetry ? { peakRssBytes: outcome.telemetry.peakRssBytes, cpuMs: outcome.telemetry.cpuMs } : {}),
    });
    if (outcome.status === 'failed' && this.ctx.options.failFast && !this.stop) {
      this.stop = { kind: 'failFast', nodeId: node.id };
      for (const waiting of this.ready.splice(0)) this.complete(waiting, canceledOutcome(this.stopMessage()));
    }
    for (const id of node.downstream) {
      const left = this.waitingOn.get(id)! - 1;
      this.waitingOn.set(id, left);
      if (left === 0) this.unblocked.push(id);
    }
  }

  private stopMessage(): string {
    if (this.stop?.kind === 'failFast') return `not started: the run stopped after ${this.stop.nodeId} failed (fail-fast)`;
    if (this.stop?.kind === 'error') return `not started: ${this.stop.message}`;
    return 'canceled before it started';
  }

  /**
   * Every node has ended; what they started outside their process groups (setsid, daemons) is stopped before the run
   * ends, as their groups were, and named in their logs. Closing the engine kills it at once.
   */
  private finishRun(): void {
    if (!this.launched) return this.announceEnd();
    const marker = { runId: this.ctx.runId };
    if (this.aborting) return this.announceEnd(killMarked(marker));
    void stopMarked(marker, this.ctx.settings.killGraceMs)
      .catch(() => [])
      .then((strays) => this.announceEnd(strays));
  }

  private announceEnd(strays: readonly MarkedProcess[] = []): void {
    for (const nodeId of new Set(strays.map((p) => p.nodeId))) {
      this.ctx.emitter.system(nodeId, straysText(strays.filter((p) => p.nodeId === nodeId)));
    }
    const counts: Partial<Record<FinalNodeState, number>> = {};
    for (const outcome of this.results.values()) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    const stop = this.stop;
    const status: Exclude<RunStatus, 'running'> =
      counts.failed || stop?.kind === 'error' ? 'failed' : stop?.kind === 'cancel' || counts.canceled ? 'canceled' : 'succeeded';
    const failed = [...this.results].filter(([, o]) => o.status === 'failed');
    const error = stop?.kind === 'error' ? stop.message : failedNodesText(failed);
    const event = this.ctx.emitter.emit({
      type: 'run.finished',
      status,
      durationMs: Date.now() - this.runStarted,
      counts,
      ...(error ? { error } : {}),
    }) as RunFinishedEvent;
    this.finish(event);
  }
}

/**
 * Why the run failed, in the runs list and the CLI's last line: the failed nodes, and when one failed, its own error
 * ("node load failed: file not found: data.csv"), so a run read later says why without opening it.
 */
function failedNodesText(failed: readonly (readonly [string, NodeOutcome])[]): string | undefined {
  if (failed.length === 0) return undefined;
  if (failed.length > 1) return `nodes ${failed.map(([id]) => id).join(', ')} failed`;
  const [id, outcome] = failed[0]!;
  return `node ${id} failed${outcome.error ? `: ${outcome.error}` : ''}`;
}

function canceledOutcome(error: string): NodeOutcome {
  return { status: 'canceled', exitCode: null, error, attempts: 0, cached: false, outputs: {} };
}
