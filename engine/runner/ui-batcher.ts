// Sends a run's stream to the UI as `run.events` batches about every 50 ms, never one message per line; when a
// node logs faster than a person can read, the batch keeps its latest lines and reports the rest as a gap. Lines in
// progress (progress bars) ride along, the latest text of each.
import type { ApiEvents } from '../../shared/api/index';
import { fairShares } from '../../shared/runs/fair-share';
import type { LineInProgress, LogGap, NodeLogEvent, RunEvent } from '../../shared/runs/run-events';
import { expandLogChunk, type LogChunk } from './log-chunk';
import type { RunSink } from './run-emitter';

export const UI_BATCH_MS = 50;
/** Log lines one batch carries at most (20 000 lines per second at 50 ms): more than anyone reads live. */
export const UI_BATCH_MAX_LINES = 1000;

export type PublishBatch = (batch: ApiEvents['run.events']) => void;

export class UiBatcher implements RunSink {
  private events: RunEvent[] = [];
  private chunks: LogChunk[] = [];
  /** Latest line in progress per node and stream since the last batch. */
  private readonly inProgress = new Map<string, LineInProgress>();
  private lastSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly runId: string,
    private readonly publish: PublishBatch,
    private readonly maxLines = UI_BATCH_MAX_LINES,
  ) {}

  event(event: RunEvent): void {
    this.events.push(event);
    this.lastSeq = event.seq;
    if (event.type === 'run.finished') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), UI_BATCH_MS);
  }

  logs(chunk: LogChunk): void {
    // Kept until the next batch: the bytes are copied (LogChunk.bytes is only valid during this call).
    this.chunks.push({ ...chunk, bytes: Buffer.from(chunk.bytes) });
    this.lastSeq = chunk.firstSeq + chunk.count - 1;
    this.timer ??= setTimeout(() => this.flush(), UI_BATCH_MS);
  }

  lineInProgress(line: LineInProgress): void {
    this.inProgress.set(`${line.nodeId}\u0000${line.stream}`, line);
    this.timer ??= setTimeout(() => this.flush(), UI_BATCH_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.events.length === 0 && this.chunks.length === 0 && this.inProgress.size === 0) return;
    const { lines, gaps } = this.keepLatestLines();
    const events = [...this.events, ...lines].sort((a, b) => a.seq - b.seq);
    const inProgress = [...this.inProgress.values()];
    this.events = [];
    this.chunks = [];
    this.inProgress.clear();
    this.publish({ runId: this.runId, events, gaps, lastSeq: this.lastSeq, ...(inProgress.length > 0 ? { inProgress } : {}) });
  }

  /** Every line when they fit; else each node's latest lines (fair shares) and one gap per node for the rest. */
  private keepLatestLines(): { lines: NodeLogEvent[]; gaps: LogGap[] } {
    const perNode = new Map<string, LogChunk[]>();
    let total = 0;
    for (const chunk of this.chunks) {
      const list = perNode.get(chunk.nodeId);
      if (list) list.push(chunk);
      else perNode.set(chunk.nodeId, [chunk]);
      total += chunk.count;
    }
    if (total <= this.maxLines) return { lines: this.chunks.flatMap((c) => expandLogChunk(c)), gaps: [] };
    const nodes = [...perNode];
    const counts = nodes.map(([, chunks]) => chunks.reduce((n, c) => n + c.count, 0));
    const shares = fairShares(counts, this.maxLines);
    const lines: NodeLogEvent[] = [];
    const gaps: LogGap[] = [];
    for (const [i, [nodeId, chunks]] of nodes.entries()) {
      let drop = counts[i]! - shares[i]!;
      if (drop > 0) gaps.push({ nodeId, fromLine: chunks[0]!.firstLine, count: drop });
      for (const chunk of chunks) {
        const skip = Math.min(drop, chunk.count);
        drop -= skip;
        if (skip < chunk.count) lines.push(...expandLogChunk(chunk, skip));
      }
    }
    return { lines, gaps };
  }
}
