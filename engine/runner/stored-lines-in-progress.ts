// Keeps what a terminal shows of each running node's unfinished line (a progress bar) in the store, so another
// process following the run — an open app (ForeignRunFollower) — shows it too. Written with the store sink's batches
// (every 100 ms), only for nodes whose line changed; a node that never prints a partial line costs nothing.
import type { LineInProgress } from '../../shared/runs/run-events';
import type { LinesInProgressOfNode, RunsRepo } from '../store/runs.repo';
import type { RunSink } from './run-emitter';
import type { StoreSink } from './store-sink';

export class StoredLinesInProgress implements RunSink {
  private readonly lines = new Map<string, LinesInProgressOfNode>();
  /** Nodes whose lines changed since the last batch. */
  private readonly changed = new Set<string>();

  constructor(
    private readonly runId: string,
    private readonly runs: Pick<RunsRepo, 'noteLinesInProgress'>,
    private readonly store: Pick<StoreSink, 'defer'>,
  ) {}

  event(): void {}

  logs(): void {}

  lineInProgress(line: LineInProgress): void {
    const lines = this.lines.get(line.nodeId) ?? {};
    if (line.text) lines[line.stream] = line.text;
    else delete lines[line.stream];
    this.lines.set(line.nodeId, lines);
    if (this.changed.size === 0) this.store.defer(() => this.write());
    this.changed.add(line.nodeId);
  }

  private write(): void {
    for (const nodeId of this.changed) {
      const lines = this.lines.get(nodeId)!;
      this.runs.noteLinesInProgress(this.runId, nodeId, Object.keys(lines).length > 0 ? lines : null);
    }
    this.changed.clear();
  }
}
