// Remembers which pipeline the window has open, from the commands it runs, so File › Export… knows what to export.
import type { ApiResult } from '../../shared/api/index';

/** Commands after which the window shows the pipeline whose id the result carries. */
const OPENING = new Set(['pipeline.get', 'pipeline.create', 'pipeline.save', 'pipeline.import', 'pipeline.duplicate', 'pipeline.restore']);

export class CurrentPipeline {
  private id: string | null = null;

  /** The id of the pipeline the window last opened or saved, or null (none yet, or it was deleted). */
  get(): string | null {
    return this.id;
  }

  /** Feeds one finished command; failed commands change nothing. */
  observe(name: string, args: unknown, result: ApiResult): void {
    if (!result.ok) return;
    if (OPENING.has(name)) {
      const id = (result.value as { id?: unknown }).id;
      if (typeof id === 'string') this.id = id;
    } else if (name === 'pipeline.delete' && (args as { id?: unknown } | null)?.id === this.id) {
      this.id = null;
    }
  }
}
