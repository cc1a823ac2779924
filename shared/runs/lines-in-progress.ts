// The lines the nodes of a live run are still writing (progress bars), folded from `run.events` batches: what a
// node's canvas badge and its log view show below the last complete line.
import type { LineInProgress } from './run-events';
import type { NodeRunState } from './run-state';
import type { ProcessStream } from './run-status';

/** Per node, the text each of its streams is writing now. */
export type LinesInProgress = Readonly<Record<string, Readonly<Partial<Record<ProcessStream, string>>>>>;

/**
 * `current` with `updates` applied ('' ends a line) and nodes that are no longer running dropped (a process that is
 * gone writes nothing). Returns `current` itself when nothing changed, so views keyed on it do not re-render.
 */
export function applyLinesInProgress(current: LinesInProgress, updates: readonly LineInProgress[], nodes: Readonly<Record<string, NodeRunState>>): LinesInProgress {
  let next: Record<string, Partial<Record<ProcessStream, string>>> | undefined;
  const edit = () => (next ??= { ...current });
  for (const { nodeId, stream, text } of updates) {
    const shown = (next ?? current)[nodeId];
    if ((shown?.[stream] ?? '') === text) continue;
    const streams = { ...shown };
    if (text) streams[stream] = text;
    else delete streams[stream];
    if (Object.keys(streams).length > 0) edit()[nodeId] = streams;
    else delete edit()[nodeId];
  }
  for (const nodeId of Object.keys(next ?? current)) if (nodes[nodeId]?.status !== 'running') delete edit()[nodeId];
  return next ?? current;
}

/** The line in progress to show for a node: of `stream`, or of either (stderr first: where progress bars go). */
export function lineInProgressOf(lines: LinesInProgress, nodeId: string, stream?: ProcessStream): string | undefined {
  const streams = lines[nodeId];
  if (!streams) return undefined;
  return stream ? streams[stream] : (streams.stderr ?? streams.stdout);
}
