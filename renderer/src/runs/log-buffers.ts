// The log buffers of the run on screen, one per node and stream filter, kept outside the store (they can hold
// 100 000 lines each); the runs slice feeds them live lines and bumps `logTick` so views re-render.
import type { ApiClient } from '../../../shared/api/channel';
import type { NodeLogEvent } from '../../../shared/runs/run-events';
import type { LogStream } from '../../../shared/runs/run-status';
import { LogBuffer } from '../../../shared/runs/log-buffer';

const buffers = new Map<string, LogBuffer>();
let currentRun: string | null = null;

/** The buffer of `nodeId` in `runId` (all streams, or one); buffers of another run are dropped. */
export function logBuffer(api: ApiClient, runId: string, nodeId: string, stream?: LogStream): LogBuffer {
  if (currentRun !== runId) {
    buffers.clear();
    currentRun = runId;
  }
  const key = `${nodeId}\u0000${stream ?? ''}`;
  let buffer = buffers.get(key);
  if (!buffer) {
    buffer = new LogBuffer((from, count) => api.invoke('run.logs', { runId, nodeId, from, count, ...(stream ? { stream } : {}) }), stream);
    buffers.set(key, buffer);
  }
  return buffer;
}

/** Adds live lines of the run on screen to its all-streams buffers, and line counts from gaps. */
export function feedLogBuffers(api: ApiClient, runId: string, lines: readonly NodeLogEvent[], gaps: readonly { nodeId: string; fromLine: number; count: number }[]): void {
  for (const e of lines) logBuffer(api, runId, e.nodeId).append({ line: e.line, stream: e.stream, text: e.text });
  for (const gap of gaps) logBuffer(api, runId, gap.nodeId).grow(gap.fromLine + gap.count);
}
