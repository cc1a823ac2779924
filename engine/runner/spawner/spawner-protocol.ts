// What the engine and its spawner helper say to each other: one JSON object per line over the helper's stdin/stdout.
import type { Readable } from 'node:stream';
import type { LaunchRequest } from '../launch-process';

/**
 * Engine → helper. `env` registers a base environment once (every node of a run shares the engine's), so a launch
 * carries only the node's own variables; `launch` starts a process.
 */
export type SpawnerRequest =
  | { t: 'env'; id: number; env: NodeJS.ProcessEnv }
  | ({ t: 'launch'; id: number; envId: number } & Omit<LaunchRequest, 'baseEnv'>);

/**
 * Helper → engine. `ready` once it listens; per launch either `pid` then `exit`, or `error` (`logs`: the log files
 * could not be opened, so nothing started).
 */
export type SpawnerReply =
  | { t: 'ready' }
  | { t: 'pid'; id: number; pid: number }
  | { t: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null }
  | { t: 'error'; id: number; message: string; logs: boolean };

/** Calls `onMessage` with each JSON line of `input`. */
export function onJsonLines<T>(input: Readable, onMessage: (message: T) => void): void {
  let partial = '';
  input.setEncoding('utf8');
  input.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line) onMessage(JSON.parse(line) as T);
  });
}
