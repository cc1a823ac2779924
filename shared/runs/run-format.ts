// Human-readable durations, sizes and outcomes, shared by the CLI printer and the UI so both say the same thing.
import type { RunsDeleted } from './run-record';

/** `850 ms`, `3.4 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** `512 B`, `1.5 KiB`, `230 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** `deleted 2 runs, freed 1.5 MiB; 3 cached results went with them (those nodes run again next time)`, and sweeps. */
export function formatRunsDeleted(result: RunsDeleted): string {
  const runs = result.deleted.length === 1 ? '1 run' : `${result.deleted.length} runs`;
  const cache = result.cacheEntries === 0 ? '' : `; ${result.cacheEntries === 1 ? '1 cached result' : `${result.cacheEntries} cached results`} went with them (those nodes run again next time)`;
  const sweeps = result.sweeps.length === 0 ? '' : `; ${result.sweeps.length === 1 ? 'sweep' : 'sweeps'} ${result.sweeps.join(', ')} too, left without runs`;
  return `deleted ${runs}, freed ${formatBytes(result.freedBytes)}${cache}${sweeps}`;
}

const COUNT_ORDER = ['running', 'queued', 'succeeded', 'cached', 'failed', 'skipped', 'canceled'] as const;

/** `3 succeeded, 1 failed`, always in the same order of states. */
export function formatCounts(counts: Partial<Record<(typeof COUNT_ORDER)[number], number>>): string {
  return COUNT_ORDER.filter((state) => counts[state])
    .map((state) => `${counts[state]} ${state}`)
    .join(', ');
}
