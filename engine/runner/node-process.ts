// One attempt of one node: its process group, its stdout/stderr as log lines, timeout and cancel.
import type { LogStream } from '../../shared/runs/run-status';
import { LineSplitter, type LineBlock } from './line-splitter';
import { signalGroup, spawnInGroup, terminateGroup, type ProcessCommand } from './process-group';

/** How one attempt ended. */
export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the runner stopped the process. */
  stoppedBy?: 'cancel' | 'timeout';
  /** The process could not be started at all (missing executable, bad cwd). */
  spawnError?: string;
}

export interface AttemptHooks {
  onStart(pid: number): void;
  onLines(stream: LogStream, block: LineBlock): void;
}

/** A started attempt: await `done`; `stop` kills the whole group (SIGTERM, then SIGKILL after the grace period). */
export interface RunningAttempt {
  pid: number | undefined;
  done: Promise<ProcessOutcome>;
  stop(reason: 'cancel' | 'timeout'): void;
  /** SIGKILL to the whole group at once (the engine is shutting down and cannot wait). */
  kill(): void;
}

export interface AttemptOptions {
  timeoutMs?: number;
  /** Time a process group gets between SIGTERM and SIGKILL. */
  killGraceMs: number;
}

/** Starts `command`; its logs are delivered line-block by line-block through `hooks` while it runs. */
export function startAttempt(command: ProcessCommand, options: AttemptOptions, hooks: AttemptHooks): RunningAttempt {
  let stoppedBy: ProcessOutcome['stoppedBy'];
  let stopping: Promise<void> | undefined;
  const child = spawnInGroup(command);
  const pid = child.pid;
  const stop = (reason: 'cancel' | 'timeout') => {
    if (pid === undefined || stopping) return;
    stoppedBy = reason;
    stopping = terminateGroup(pid, options.killGraceMs);
  };
  const timer = options.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
  if (pid !== undefined) hooks.onStart(pid);

  const done = new Promise<ProcessOutcome>((resolve) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let openStreams = 2;
    const finish = () => {
      if (!exit || openStreams > 0) return;
      clearTimeout(timer);
      resolve({ exitCode: exit.code, signal: exit.signal, ...(stoppedBy ? { stoppedBy } : {}) });
    };
    for (const [stream, readable] of [['stdout', child.stdout!], ['stderr', child.stderr!]] as const) {
      const splitter = new LineSplitter();
      readable.on('data', (bytes: Buffer) => {
        const block = splitter.push(bytes);
        if (block) hooks.onLines(stream, block);
      });
      readable.on('close', () => {
        const rest = splitter.flush();
        if (rest) hooks.onLines(stream, rest);
        openStreams--;
        finish();
      });
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, signal: null, spawnError: error.message });
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // The node is done when its leader exits; anything it left behind in its group goes too (and releases the
      // pipes it inherited, so 'close' follows).
      if (pid !== undefined && !stopping && signalGroup(pid, 'SIGTERM')) stopping = terminateGroup(pid, options.killGraceMs);
      finish();
    });
  });
  const kill = () => {
    stoppedBy ??= 'cancel';
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  };
  return { pid, done, stop, kill };
}
