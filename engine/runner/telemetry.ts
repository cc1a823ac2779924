// Samples peak memory and CPU time of each running node's process tree (Linux: the tree under its leader via /proc;
// elsewhere: the leader process via pidusage, which asks ps or the OS and never throws into the run).
import pidusage from 'pidusage';
import { CLOCK_TICKS_PER_SECOND, HAS_PROC, listProcesses, PAGE_SIZE, processTree, type ProcStat } from './proc-stat';

/** Resource use of one node so far. */
export interface NodeTelemetry {
  peakRssBytes: number;
  cpuMs: number;
}

interface Watched {
  pid: number;
  telemetry: NodeTelemetry;
  sampled: boolean;
  onSample(telemetry: NodeTelemetry): void;
}

/** The first sample of a node comes this soon after it starts, so a node that ends within one interval has figures. */
const FIRST_SAMPLE_MS = 40;

/**
 * One timer for every running node of the engine: each tick sums, per node, the resident memory and CPU time of its
 * process tree (CPU including children the tree already waited for). Peaks only go up.
 */
export class TelemetrySampler {
  private readonly watched = new Map<number, Watched>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(private readonly intervalMs = 250) {}

  /** Starts sampling the group led by `pid`; returns a function that stops it and gives the last figures. */
  watch(pid: number, onSample: (telemetry: NodeTelemetry) => void): () => NodeTelemetry | undefined {
    const entry: Watched = { pid, telemetry: { peakRssBytes: 0, cpuMs: 0 }, sampled: false, onSample };
    this.watched.set(pid, entry);
    this.timer ??= setInterval(() => void this.sample([...this.watched.keys()]), this.intervalMs);
    this.timer.unref?.();
    // Only this node, and only if it still runs then (most no-op nodes are gone before it fires).
    const first = setTimeout(() => void this.sample([pid]), FIRST_SAMPLE_MS);
    first.unref?.();
    return () => {
      clearTimeout(first);
      this.watched.delete(pid);
      if (this.watched.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
      return entry.sampled ? entry.telemetry : undefined;
    };
  }

  private async sample(pids: number[]): Promise<void> {
    if (this.busy || this.watched.size === 0) return;
    this.busy = true;
    try {
      if (HAS_PROC) this.sampleProc(pids);
      else await this.samplePidusage(pids);
    } finally {
      this.busy = false;
    }
  }

  private sampleProc(pids: number[]): void {
    let scan: ProcStat[] | undefined;
    for (const pid of pids) {
      if (!this.watched.has(pid)) continue;
      // The node's process tree; without children files, every process of its group from one scan of /proc.
      const tree = processTree(pid) ?? (scan ??= listProcesses()).filter((stat) => stat.pgid === pid);
      let rss = 0;
      let ticks = 0;
      for (const stat of tree) {
        if (stat.state === 'Z') continue;
        rss += stat.rssPages * PAGE_SIZE;
        ticks += stat.cpuTicks;
      }
      if (tree.length > 0) this.record(pid, rss, (ticks * 1000) / CLOCK_TICKS_PER_SECOND);
    }
  }

  private async samplePidusage(pids: number[]): Promise<void> {
    for (const pid of pids) {
      const entry = this.watched.get(pid);
      if (!entry) continue;
      try {
        const stat = await pidusage(entry.pid);
        this.record(entry.pid, stat.memory, stat.ctime);
      } catch {
        // the process ended between ticks, or the platform tool is missing: keep the last figures
      }
    }
  }

  private record(pid: number, rssBytes: number, cpuMs: number): void {
    const entry = this.watched.get(pid);
    if (!entry) return;
    const next = { peakRssBytes: Math.max(entry.telemetry.peakRssBytes, rssBytes), cpuMs: Math.max(entry.telemetry.cpuMs, Math.round(cpuMs)) };
    const changed = !entry.sampled || next.peakRssBytes !== entry.telemetry.peakRssBytes || next.cpuMs !== entry.telemetry.cpuMs;
    entry.telemetry = next;
    entry.sampled = true;
    if (changed) entry.onSample(next);
  }
}
