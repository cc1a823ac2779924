// Executes a run plan: topological readiness, independent branches in parallel up to the concurrency limit,
// failure → downstream skipped, fail-fast or finish-independent-branches, cancel.
import { isSuccessState, type FinalNodeState, type RunStatus } from '../../shared/runs/run-status';
import type { RunFinishedEvent } from '../../shared/runs/run-events';
import { NodeExecution, type NodeOutcome } from './node-execution';
import type { LaunchTicket } from './process-launcher';
import type { RunContext } from './run-context';
import { nodeWeight, type PlannedNode } from './run-plan';

type StopReason = { kind: 'cancel' } | { kind: 'failFast'; nodeId: string } | { kind: 'error'; message: string };

/** A node whose process runs, or waits to start the moment a running node's process ends. */
interface Running {
  execution: NodeExecution;
  weight: number;
  /** It counts against the slots (false while it follows a running node, which still does). */
  holdsSlot: boolean;
  /** The node waiting to take over this one's slot the moment its process ends. */
  follower?: string;
}

export class Scheduler {
  private readonly results = new Map<string, NodeOutcome>();
  private readonly waitingOn = new Map<string, number>();
  private readonly startedAt = new Map<string, number>();
  /** Nodes whose cache said "run", waiting for a slot, kept in topological order. */
  private readonly ready: PlannedNode[] = [];
  private readonly running = new Map<string, Running>();
  /** Executions whose cache check said "run", until they get a slot. */
  private readonly executions = new Map<string, NodeExecution>();
  private usedSlots = 0;
  private stop: StopReason | undefined;
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
    for (const { execution } of this.running.values()) execution.stop(this.stopMessage());
  }

  /** Ends the run now (the engine is closing): SIGKILL to every running group, every unfinished node canceled. */
  abort(reason: string): void {
    if (this.results.size === this.ctx.plan.order.length) return;
    this.stop = { kind: 'cancel' };
    this.ready.length = 0;
    for (const { execution } of this.running.values()) execution.kill();
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
    execution.fromCache().then(
      (cached) => {
        if (this.results.has(node.id)) return;
        if (cached) return this.complete(node, cached);
        if (this.stop) return this.complete(node, canceledOutcome(this.stopMessage()));
        this.enqueue(node, execution);
      },
      (error: Error) => this.complete(node, { status: 'failed', exitCode: null, error: `could not prepare the node: ${error.message}`, attempts: 0, cached: false, outputs: {} }),
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
      if (this.usedSlots + weight > this.ctx.concurrency) return this.queueFollowers();
      this.ready.shift();
      this.usedSlots += weight;
      this.launch(node, { execution: this.executions.get(node.id)!, weight, holdsSlot: true });
    }
  }

  /**
   * Every slot is taken: the next ready nodes are handed to the launcher to start the moment a running node's process
   * ends, so no slot sits idle while the engine takes in that exit (wide DAGs of short nodes spend most of their time
   * there). Only one-slot nodes follow one-slot nodes without retries (a retry would need its slot back); never with
   * fail-fast, where an exit may stop the run.
   */
  private queueFollowers(): void {
    if (this.ctx.options.failFast) return;
    for (const [id, holder] of this.running) {
      const next = this.ready[0];
      if (!next || nodeWeight(next.settings, this.ctx.concurrency) !== 1) return;
      const ticket = holder.execution.ticket;
      if (!holder.holdsSlot || holder.follower || holder.weight !== 1 || !ticket || this.ctx.plan.nodes.get(id)!.settings.retries) continue;
      this.ready.shift();
      holder.follower = next.id;
      this.launch(next, { execution: this.executions.get(next.id)!, weight: 1, holdsSlot: false }, ticket);
    }
  }

  private launch(node: PlannedNode, entry: Running, after?: LaunchTicket): void {
    this.executions.delete(node.id);
    this.running.set(node.id, entry);
    this.startedAt.set(node.id, Date.now());
    entry.execution.run(after).then(
      (outcome) => this.release(node, outcome),
      (error: Error) => this.release(node, { status: 'failed', exitCode: null, error: `runner error: ${error.message}`, attempts: 1, cached: false, outputs: {} }),
    );
  }

  /**
   * A node ended: its slot passes to its follower, else it is free. The follower reports (node.started, its lines)
   * only after this node's node.finished, so the stream never shows more running nodes than the concurrency.
   */
  private release(node: PlannedNode, outcome: NodeOutcome): void {
    const entry = this.running.get(node.id);
    this.running.delete(node.id);
    const follower = entry?.holdsSlot && entry.follower ? this.running.get(entry.follower) : undefined;
    if (follower) follower.holdsSlot = true;
    else if (entry?.holdsSlot) this.usedSlots -= entry.weight;
    this.complete(node, outcome);
    follower?.execution.grant();
  }

  private complete(node: PlannedNode, outcome: NodeOutcome): void {
    if (this.results.has(node.id)) return; // ended by abort() before its process exited
    this.results.set(node.id, outcome);
    const started = outcome.startedAt ?? this.startedAt.get(node.id);
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
      if (left === 0) this.becomeReady(this.ctx.plan.nodes.get(id)!);
    }
    if (this.results.size === this.ctx.plan.order.length) this.finishRun();
    else this.pump();
  }

  private stopMessage(): string {
    if (this.stop?.kind === 'failFast') return `not started: the run stopped after ${this.stop.nodeId} failed (fail-fast)`;
    if (this.stop?.kind === 'error') return `not started: ${this.stop.message}`;
    return 'canceled before it started';
  }

  private finishRun(): void {
    const counts: Partial<Record<FinalNodeState, number>> = {};
    for (const outcome of this.results.values()) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    const stop = this.stop;
    const status: Exclude<RunStatus, 'running'> =
      counts.failed || stop?.kind === 'error' ? 'failed' : stop?.kind === 'cancel' || counts.canceled ? 'canceled' : 'succeeded';
    const failedNodes = [...this.results].filter(([, o]) => o.status === 'failed').map(([id]) => id);
    const error =
      stop?.kind === 'error'
        ? stop.message
        : failedNodes.length > 0
          ? `${failedNodes.length === 1 ? 'node' : 'nodes'} ${failedNodes.join(', ')} failed`
          : undefined;
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

function canceledOutcome(error: string): NodeOutcome {
  return { status: 'canceled', exitCode: null, error, attempts: 0, cached: false, outputs: {} };
}
