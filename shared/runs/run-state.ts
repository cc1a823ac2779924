// A run's live state folded from its events (or loaded from the store): what the canvas badges, the runs panel and
// the node panel show. Pure, so the UI, tests and any other client fold events the same way.
import type { Pipeline } from '../pipeline/pipeline.schema';
import type { CacheReport } from './cache-report';
import type { MetricPoint } from './metrics-file';
import type { RunEvent } from './run-events';
import type { RunDetail } from './run-record';
import type { NodeState, RunStatus } from './run-status';

/** One node of a run as the UI shows it. */
export interface NodeRunState {
  status: NodeState;
  /** Epoch ms of the first start, and of the end. */
  startedAt?: number;
  finishedAt?: number;
  durationMs?: number;
  error?: string;
  exitCode?: number | null;
  attempts: number;
  cached: boolean;
  pid?: number;
  peakRssBytes?: number;
  cpuMs?: number;
  metrics: Record<string, number>;
  /** Metrics the node wrote step by step (its last attempt's), each a series of points. */
  series?: Readonly<Record<string, readonly MetricPoint[]>>;
  /** The latest point of any of its series (shown on the running node's badge). */
  lastPoint?: MetricPoint & { name: string };
  cache?: CacheReport;
}

export interface RunState {
  runId: string;
  pipelineId: string | null;
  pipelineName: string;
  status: RunStatus;
  startedAt: number;
  finishedAt?: number;
  error?: string;
  nodeIds: string[];
  /** Only replaced when a node's state changes — not for log lines — so views keyed on it skip log-only batches. */
  nodes: Record<string, NodeRunState>;
  /** Lines in each node's log so far (all streams); changes with every batch of log lines. */
  logLines: Record<string, number>;
  /** Highest seq folded in; a batch starting later than lastSeq + 1 means events were missed. */
  lastSeq: number;
  /** The pipeline as it ran, once loaded from the store (history view). */
  document?: Pipeline;
}

const emptyNode = (): NodeRunState => ({ status: 'queued', attempts: 0, cached: false, metrics: {} });

/** The state right after `run.started`. */
export function initialRunState(event: Extract<RunEvent, { type: 'run.started' }>): RunState {
  return {
    runId: event.runId,
    pipelineId: event.pipelineId ?? null,
    pipelineName: event.pipelineName,
    status: 'running',
    startedAt: event.at,
    nodeIds: event.nodeIds,
    nodes: Object.fromEntries(event.nodeIds.map((id) => [id, emptyNode()])),
    logLines: {},
    lastSeq: event.seq,
  };
}

/** Folds events (in seq order) into a new state; events at or below `lastSeq` are ignored, so replays are safe. */
export function applyRunEvents(state: RunState, events: readonly RunEvent[]): RunState {
  let nodes = state.nodes;
  let logLines = state.logLines;
  let next: RunState = { ...state };
  const grown = new Set<readonly MetricPoint[]>();
  const touch = (id: string): NodeRunState => {
    if (nodes === state.nodes) nodes = { ...state.nodes };
    return (nodes[id] = { ...(nodes[id] ?? emptyNode()) });
  };
  for (const event of events) {
    if (event.seq <= next.lastSeq || event.runId !== state.runId) continue;
    next.lastSeq = event.seq;
    switch (event.type) {
      case 'node.queued':
        touch(event.nodeId).status = 'queued';
        break;
      case 'node.started': {
        const node = touch(event.nodeId);
        Object.assign(node, { status: 'running', pid: event.pid, attempts: event.attempt, error: undefined });
        node.startedAt ??= event.at;
        // A retry writes its series again from the start.
        if (event.attempt > 1) {
          delete node.series;
          delete node.lastPoint;
        }
        break;
      }
      case 'node.log':
        if (logLines === state.logLines) logLines = { ...state.logLines };
        logLines[event.nodeId] = Math.max(logLines[event.nodeId] ?? 0, event.line + 1);
        break;
      case 'node.metric': {
        const node = touch(event.nodeId);
        node.metrics = { ...node.metrics, [event.name]: event.value };
        if (event.step === undefined) break;
        const point = { step: event.step, value: event.value };
        node.lastPoint = { name: event.name, ...point };
        const series = node.series?.[event.name];
        // A series gets one new array per batch (views compare by identity), not one per point: a burst of 10,000
        // points would otherwise copy 50 million of them.
        if (series && grown.has(series)) (series as MetricPoint[]).push(point);
        else {
          const copy = [...(series ?? []), point];
          grown.add(copy);
          node.series = { ...node.series, [event.name]: copy };
        }
        break;
      }
      case 'node.cache':
        touch(event.nodeId).cache = event.report;
        break;
      case 'node.telemetry':
        Object.assign(touch(event.nodeId), { peakRssBytes: event.peakRssBytes, cpuMs: event.cpuMs });
        break;
      case 'node.finished':
        Object.assign(touch(event.nodeId), {
          status: event.status,
          finishedAt: event.at,
          durationMs: event.durationMs,
          error: event.error,
          exitCode: event.exitCode,
          attempts: event.attempts,
          cached: event.cached,
          ...(event.peakRssBytes !== undefined ? { peakRssBytes: event.peakRssBytes, cpuMs: event.cpuMs } : {}),
        });
        break;
      case 'run.finished':
        next = { ...next, status: event.status, finishedAt: event.at, ...(event.error ? { error: event.error } : {}) };
        break;
      case 'run.started':
        next = { ...initialRunState(event), lastSeq: next.lastSeq };
        nodes = { ...next.nodes, ...nodes };
        break;
    }
  }
  return { ...next, nodes, logLines };
}

/** Notes log lines a batch skipped (a gap): the node's line count covers them even though their text was not sent. */
export function applyLogGaps(state: RunState, gaps: readonly { nodeId: string; fromLine: number; count: number }[]): RunState {
  if (gaps.length === 0) return state;
  const logLines = { ...state.logLines };
  for (const gap of gaps) logLines[gap.nodeId] = Math.max(logLines[gap.nodeId] ?? 0, gap.fromLine + gap.count);
  return { ...state, logLines };
}

/** The state of a stored run (history, or a live run opened after a reload). */
export function runStateFromDetail(detail: RunDetail): RunState {
  const time = (iso: string | null) => (iso ? Date.parse(iso) : undefined);
  return {
    runId: detail.id,
    pipelineId: detail.pipelineId,
    pipelineName: detail.pipelineName,
    status: detail.status,
    startedAt: Date.parse(detail.startedAt),
    ...(detail.finishedAt ? { finishedAt: Date.parse(detail.finishedAt) } : {}),
    ...(detail.error ? { error: detail.error } : {}),
    nodeIds: detail.nodes.map((n) => n.nodeId),
    nodes: Object.fromEntries(
      detail.nodes.map((n) => [
        n.nodeId,
        {
          status: n.status,
          startedAt: time(n.startedAt),
          finishedAt: time(n.finishedAt),
          durationMs: n.durationMs ?? undefined,
          error: n.error ?? undefined,
          exitCode: n.exitCode,
          attempts: n.attempts,
          cached: n.cached,
          pid: n.pid ?? undefined,
          peakRssBytes: n.peakRssBytes ?? undefined,
          cpuMs: n.cpuMs ?? undefined,
          metrics: n.metrics,
          ...(n.metricSeries ? { series: n.metricSeries } : {}),
          cache: n.cache ?? undefined,
        } satisfies NodeRunState,
      ]),
    ),
    logLines: Object.fromEntries(detail.nodes.map((n) => [n.nodeId, n.logLines])),
    lastSeq: detail.lastSeq,
    document: detail.document,
  };
}
