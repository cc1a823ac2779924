// Who owns a running run: the engine process's pid plus a token that changes if that pid is ever reused.
import { readFileSync } from 'node:fs';
import { processAlive } from './process-group';
import { HAS_PROC, readProcStat } from './proc-stat';

/** `<boot id>:<start ticks>` on Linux (unique per process across reboots); null where the OS gives no such thing. */
export function processStartToken(pid: number): string | null {
  if (!HAS_PROC) return null;
  const stat = readProcStat(pid);
  if (!stat) return null;
  let boot = '';
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // very old kernels: the start time alone still catches most pid reuse
  }
  return `${boot}:${stat.startTicks}`;
}

/** True while the process that recorded (`pid`, `token`) is still the same process and alive. */
export function ownerAlive(pid: number, token: string | null): boolean {
  if (!processAlive(pid)) return false;
  if (token === null) return true;
  return processStartToken(pid) === token;
}
