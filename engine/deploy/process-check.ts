// Is a recorded pid still our prediction server? (pids are reused, so a bare "is alive" is not enough.)
import { readFileSync } from 'node:fs';

/** True when `pid` is alive and, where the OS lets us see its command line, was started for `deploymentId`. */
export function isDeploymentProcess(pid: number, deploymentId: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(deploymentId);
  } catch {
    return false;
  }
}

/** Resolves once `pid` has exited (polling), or false after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
