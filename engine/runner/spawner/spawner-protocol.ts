// What the engine and its spawner helper say to each other: one JSON object per line over the helper's stdin/stdout.
import type { Readable } from 'node:stream';
import type { LaunchRequest } from '../launch-process';

/**
 * Engine → helper. `env` registers a base environment once (every node of a run shares the engine's), so a launch
 * carries only the node's own variables; `launch` starts a process — with `after`, the moment that launch's process
 * ends (at once if it already has); `drop` takes back a launch still waiting for its `after`.
 */
export type SpawnerRequest =
  | { t: 'env'; id: number; env: NodeJS.ProcessEnv }
  | ({ t: 'launch'; id: number; envId: number; after?: number } & Omit<LaunchRequest, 'baseEnv'>)
  | { t: 'drop'; id: number };

/** Why a launch ended without an exit status (see LaunchHandlers.onError). */
export type LaunchErrorKind = 'spawn' | 'logs' | 'dropped' | 'lost';

/** Helper → engine. `ready` once it listens; per launch either `pid` then `exit`, or `error`. */
export type SpawnerReply =
  | { t: 'ready' }
  | { t: 'pid'; id: number; pid: number }
  | { t: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null }
  | { t: 'error'; id: number; message: string; kind: Exclude<LaunchErrorKind, 'lost'> };

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

/** The message a launch taken back before it started ends with. */
export const DROPPED_MESSAGE = 'taken back before it started';
