// Says in a node's log how hashing a lot of data goes: nothing for what takes under a second, then a line every few
// seconds and one at the end — a 20 GB output is hashed into the cache after its process has ended, and a large
// dataset the first time a node reads it, and the node would otherwise sit silent meanwhile.
import { formatBytes, formatDuration } from '../../shared/runs/run-format';

/** How long hashing goes before it is worth a line, and how often it is said again. */
const QUIET_MS = 1000;
const EVERY_MS = 2000;

/** The lines, given the bytes hashed so far (and how long it took) as text. */
export interface HashProgressText {
  going(bytes: string): string;
  done(bytes: string, took: string): string;
}

export class HashProgress {
  private bytes = 0;
  private readonly started: number;
  private said: number;

  /** `say` writes a line to the node's log; `now` is the clock (milliseconds). */
  constructor(
    private readonly text: HashProgressText,
    private readonly say: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.said = this.started - EVERY_MS + QUIET_MS;
  }

  /** Counts hashed bytes: pass it as the hashing's `onBytes`. */
  readonly count = (bytes: number): void => {
    this.bytes += bytes;
    const now = this.now();
    if (now - this.said < EVERY_MS) return;
    this.said = now;
    this.say(this.text.going(formatBytes(this.bytes)));
  };

  /** Hashing ended: one closing line when it took long enough to have been noticed. */
  done(): void {
    const took = this.now() - this.started;
    if (took >= QUIET_MS && this.bytes > 0) this.say(this.text.done(formatBytes(this.bytes), formatDuration(took)));
  }
}
