// Keeps an open app's pipeline list current when another Pipewright process changes the pipelines of the same data
// home (`pipewright import` in a terminal, another app): looks at the store every second and publishes
// `pipeline.changed` for each pipeline that appeared, changed or went away, as the app does for its own edits.
import type { PipelineChangedEvent } from '../../shared/api/index';
import { BackgroundInterval } from '../runner/background-interval';
import type { PipelinesRepo } from '../store/pipelines.repo';

export const PIPELINE_WATCH_MS = 1000;

export class PipelineChangeWatcher {
  /** Each pipeline's revision and update time at the last look. */
  private known: ReturnType<PipelinesRepo['changeMarks']> | undefined;
  private readonly interval = new BackgroundInterval(() => this.look(), PIPELINE_WATCH_MS);

  constructor(
    private readonly repo: Pick<PipelinesRepo, 'changeMarks'>,
    private readonly publish: (event: PipelineChangedEvent) => void,
  ) {}

  /** Takes the first look now (what is there is what the app lists), then one every PIPELINE_WATCH_MS. */
  start(): void {
    this.interval.start(true);
  }

  stop(): void {
    this.interval.stop();
  }

  look(): void {
    const marks = this.repo.changeMarks();
    const known = this.known;
    this.known = marks;
    if (!known) return;
    for (const [id, { revision, updatedAt }] of marks) {
      const before = known.get(id);
      if (before?.revision !== revision || before.updatedAt !== updatedAt) this.publish({ id, revision });
    }
    for (const id of known.keys()) if (!marks.has(id)) this.publish({ id, revision: null, deleted: true });
  }
}
