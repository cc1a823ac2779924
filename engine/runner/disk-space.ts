// Whether the disk a run writes to is full, said next to a failed node's error: a node that fails because it could
// not write usually says so on stderr, which is on the same full disk, so its log is empty and its error bare.
import { statfsSync } from 'node:fs';

/** Less free space than this counts as full: nothing a node writes fits any more. */
export const FULL_BELOW_BYTES = 1 << 20;

/** "; the disk holding /home/… is full (12 KiB free)" when it is, else ''. Never throws. */
export function fullDiskNote(path: string): string {
  let stats;
  try {
    stats = statfsSync(path);
  } catch {
    return '';
  }
  const free = stats.bavail * stats.bsize;
  if (free < FULL_BELOW_BYTES) return `; the disk holding ${path} is full (${formatKiB(free)} free)`;
  if (stats.files > 0 && stats.ffree === 0) return `; the disk holding ${path} has no room for another file (no free inodes)`;
  return '';
}

function formatKiB(bytes: number): string {
  return `${Math.floor(bytes / 1024)} KiB`;
}
