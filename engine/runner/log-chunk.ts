// A run of consecutive log lines of one node and stream: how lines travel from a process to the sinks.
import type { NodeLogEvent } from '../../shared/runs/run-events';
import type { LogStream } from '../../shared/runs/run-status';

/**
 * `count` lines joined by `\n`. Line i has event seq `firstSeq + i` and index `firstLine + i` in the node's log
 * (`streamLine + i` within its stream). Sinks that need one event per line call `expandLogChunk`; the store and the
 * CLI printer keep the block whole, which is what makes a million lines cheap.
 */
export interface LogChunk {
  runId: string;
  nodeId: string;
  stream: LogStream;
  firstSeq: number;
  firstLine: number;
  streamLine: number;
  count: number;
  text: string;
  at: number;
}

/** The chunk as DESIGN §5 `node.log` events, one per line. */
export function expandLogChunk(chunk: LogChunk, from = 0, to = chunk.count): NodeLogEvent[] {
  const lines = chunk.text.split('\n');
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
