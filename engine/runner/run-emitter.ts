// Stamps run events with runId, seq and time, numbers log lines, and hands both to every sink (store, UI, CLI).
import type { LineInProgress, RunEvent, RunEventInput } from '../../shared/runs/run-events';
import type { LogStream } from '../../shared/runs/run-status';
import type { LogChunk } from './log-chunk';
import type { LineBlock } from './log-lines';

/** A consumer of one run's stream. Sinks must not throw; a sink that does is logged and dropped. */
export interface RunSink {
  event(event: RunEvent): void;
  logs(chunk: LogChunk): void;
  /** Live views only: a line still being written changed (nothing to store). */
  lineInProgress?(line: LineInProgress): void;
}

interface LineCounters {
  all: number;
  stdout: number;
  stderr: number;
  system: number;
}

/** The single place seqs are assigned, so they are gap-free and monotonic across events and log lines. */
export class RunEmitter {
  private seq = 0;
  private readonly lines = new Map<string, LineCounters>();

  constructor(
    readonly runId: string,
    private readonly sinks: RunSink[],
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  addSink(sink: RunSink): void {
    this.sinks.push(sink);
  }

  emit<E extends RunEventInput>(input: E): RunEvent {
    // Key order type, runId, seq, at, then the rest: what `--json` prints (DESIGN §5).
    const { type, ...rest } = input;
    const event = { type, runId: this.runId, seq: ++this.seq, at: Date.now(), ...rest } as unknown as RunEvent;
    for (const sink of [...this.sinks]) this.deliver(sink, () => sink.event(event));
    return event;
  }

  /** Emits `block` as node.log lines of `nodeId` on `stream` (with its place, when it was read from a log file). */
  log(nodeId: string, stream: LogStream, block: LineBlock & { file?: string; byteOffset?: number }): void {
    const counters = this.counters(nodeId);
    const chunk: LogChunk = {
      runId: this.runId,
      nodeId,
      stream,
      firstSeq: this.seq + 1,
      firstLine: counters.all,
      streamLine: counters[stream],
      count: block.count,
      bytes: block.bytes,
      terminated: block.terminated,
      ...(block.file !== undefined ? { file: block.file, byteOffset: block.byteOffset } : {}),
      at: Date.now(),
    };
    this.seq += block.count;
    counters.all += block.count;
    counters[stream] += block.count;
    for (const sink of [...this.sinks]) this.deliver(sink, () => sink.logs(chunk));
  }

  /** What a terminal shows of a line a node is still writing changed: for live views, no seq. */
  lineInProgress(line: LineInProgress): void {
    for (const sink of [...this.sinks]) if (sink.lineInProgress) this.deliver(sink, () => sink.lineInProgress!(line));
  }

  /** A line from the runner itself (retry, timeout, kill), shown in the node's log on stream `system`. */
  system(nodeId: string, text: string): void {
    this.log(nodeId, 'system', { bytes: Buffer.from(text.replace(/\r?\n/g, ' ')), count: 1, terminated: true });
  }

  /** Lines logged so far for `nodeId`, all streams. */
  lineCount(nodeId: string): number {
    return this.lines.get(nodeId)?.all ?? 0;
  }

  private counters(nodeId: string): LineCounters {
    let counters = this.lines.get(nodeId);
    if (!counters) this.lines.set(nodeId, (counters = { all: 0, stdout: 0, stderr: 0, system: 0 }));
    return counters;
  }

  private deliver(sink: RunSink, call: () => void): void {
    try {
      call();
    } catch (error) {
      console.error(`pipewright: a run sink failed and was dropped (run ${this.runId}):`, error);
      this.sinks.splice(this.sinks.indexOf(sink), 1);
    }
  }
}
