// Says why a node's process could not start, for a person: Node's spawn and the spawner helpers word it
// "spawn foo ENOENT", and a plain command no longer goes through /bin/sh, whose "foo: not found" used to say it.
import { existsSync } from 'node:fs';

/** `message` as the launch reported it; `cwd`, the folder the process was to start in. The error code is kept. */
export function spawnFailure(message: string, cwd: string): string {
  const match = /^spawn (?:(.+) )?(ENOENT|EACCES|E2BIG)$/.exec(message);
  if (!match) return message;
  const [, program, code] = match;
  if (code === 'E2BIG') return 'its command and environment are larger than the system lets a process start with [E2BIG]; pass large data in a file';
  // A start in a folder that is gone fails with ENOENT too, naming the program.
  if (code === 'ENOENT' && !existsSync(cwd)) return `its working folder ${cwd} no longer exists [ENOENT]`;
  const why = code === 'ENOENT' ? 'not found (is it installed, and on PATH?)' : 'not allowed to run (is it executable?)';
  return `${program} ${why} [${code}]`;
}
