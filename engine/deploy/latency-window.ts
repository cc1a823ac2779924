// Request latencies of the prediction server: the last N durations, summarised as percentiles.
import { quantileSorted } from 'simple-statistics';

export class LatencyWindow {
  private readonly values: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 10_000) {}

  record(ms: number): void {
    if (this.values.length < this.capacity) this.values.push(ms);
    else this.values[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
  }

  /** p50/p95/p99 in milliseconds over the window (null before the first request). */
  percentiles(): { p50: number | null; p95: number | null; p99: number | null } {
    if (this.values.length === 0) return { p50: null, p95: null, p99: null };
    const sorted = [...this.values].sort((a, b) => a - b);
    const at = (p: number) => Math.round(quantileSorted(sorted, p) * 1000) / 1000;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }
}
