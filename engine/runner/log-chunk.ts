// A run of consecutive log lines of one node and stream: how lines travel from a process to the sinks.
import type { NodeLogEvent } from '../../shared/runs/run-events';
import type { LogStream } from '../../shared/runs/run-status';
import { blockText } from './log-lines';

/**
 * `count` lines separated by `\n` in `bytes` (as the process wrote them). Line i has event seq `firstSeq + i` and
 * index `firstLine + i` in the node's log (`streamLine + i` within its stream). The store indexes the bytes where the
 * process wrote them (or writes runner lines itself); the CLI printer passes the block through; only sinks that need
 * one event per line call `expandLogChunk` — which is what makes a million lines cheap.
 */
export interface LogChunk {
  runId: string;
  nodeId: string;
  stream: LogStream;
  firstSeq: number;
  firstLine: number;
  streamLine: number;
  count: number;
  /** Valid only while the sink is called (the log tail reads the next block into the same memory): keep a copy. */
  bytes: Buffer;
  /** The last line ended with a line break (false: the process ended mid-line, or a piece of an over-long line). */
  terminated: boolean;
  /** Set when the bytes are already in the run's log folder: the file the node's process wrote, and where. */
  file?: string;
  byteOffset?: number;
  at: number;
}

/** The chunk's lines as text, joined by `\n`. */
export function chunkText(chunk: LogChunk): string {
  return blockText(chunk.bytes);
}

/** Lines `from` … `to - 1` of the chunk as DESIGN §5 `node.log` events. */
export function expandLogChunk(chunk: LogChunk, from = 0, to = chunk.count): NodeLogEvent[] {
  const lines = chunkText(chunk).split('\n');
  const events: NodeLogEvent[] = [];
  for (let i = from; i < to; i++) {
    events.push({
      type: 'node.log',
      runId: chunk.runId,
      seq: chunk.firstSeq + i,
      at: chunk.at,
      nodeId: chunk.nodeId,
      stream: chunk.stream,
      text: lines[i]!,
      line: chunk.firstLine + i,
    });
  }
  return events;
}
