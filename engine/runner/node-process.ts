// One attempt of one node: its process group, its log files followed while it runs, timeout and cancel.
import type { LogStream, ProcessStream } from '../../shared/runs/run-status';
import type { LaunchRequest } from './launch-process';
import type { FileBlock, NodeLogTail } from './log-tail';
import { afterDelay } from './long-timeout';
import { stopMarked, type MarkedProcess, type ProcessMarker } from './marked-processes';
import type { LaunchHandlers, ProcessLauncher } from './process-launcher';
import { groupHasLiveProcess, signalGroup, terminateGroup } from './process-group';

/** How often the log files of a running node are read (and UI/CLI see its new lines). */
export const LOG_POLL_MS = 50;
/**
 * After a look that found at least FAST_WRITER_BYTES, the next look comes after FAST_POLL_MS: a node writing fast is
 * followed closely, so little is left to read (and print) once it exits.
 */
const FAST_WRITER_BYTES = 256 * 1024;
const FAST_POLL_MS = 5;
/** Beyond the kill grace period, how long to wait for a group's last process to go (one stuck in the kernel). */
const GROUP_GONE_WAIT_MS = 2000;

/** How one attempt ended. */
export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the runner stopped the process. */
  stoppedBy?: 'cancel' | 'timeout';
  /**
   * The process could not be started (`spawn`: missing executable, bad cwd), its log files could not be opened
   * (`logs`), or the helper that started it died (`lost`).
   */
  failure?: { kind: 'spawn' | 'logs' | 'lost'; message: string };
  /** Processes of the node outside its group (setsid, daemons) that stopping it stopped too. */
  strays?: MarkedProcess[];
}

export interface AttemptHooks {
  onStart(pid: number): void;
  onLines(stream: LogStream, block: FileBlock): void;
  /** What a terminal shows of the line a stream is writing changed ('' once it ended). */
  onLineInProgress(stream: ProcessStream, text: string): void;
  /** The log files could not be read; the lines from then on are not delivered. */
  onLogError(error: Error): void;
}

/** A started attempt: await `done`; `stop` kills the whole group (SIGTERM, then SIGKILL after the grace period). */
export interface RunningAttempt {
  done: Promise<ProcessOutcome>;
  stop(reason: 'cancel' | 'timeout'): void;
  /** SIGKILL to the whole group at once (the engine is shutting down and cannot wait). */
  kill(): void;
}

export interface AttemptOptions {
  timeoutMs?: number;
  /** Time a process group gets between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** What the node's processes carry in their environment: stopping the node stops those outside its group too. */
  marker?: ProcessMarker;
}

/**
 * Launches `request`; its log lines are delivered block by block through `hooks` while it runs (every LOG_POLL_MS)
 * and once more when it has ended. The attempt ends when the leader has exited and its group is gone: anything the
 * node left running in its group is stopped, so every line it wrote is read.
 */
export function startAttempt(
  launcher: ProcessLauncher,
  request: LaunchRequest,
  logs: NodeLogTail,
  options: AttemptOptions,
  hooks: AttemptHooks,
): RunningAttempt {
  let pid: number | undefined;
  let stoppedBy: ProcessOutcome['stoppedBy'];
  /** SIGTERM went to the group, SIGKILL follows after the grace period if anything is left. */
  let terminating = false;
  /** Once the runner stops the node: stopping its processes outside its group; the attempt ends once they are gone. */
  let strays: Promise<MarkedProcess[]> | undefined;
  const terminate = (leader: number) => {
    if (stoppedBy && options.marker) strays ??= stopMarked(options.marker, options.killGraceMs, leader);
    if (terminating) return;
    terminating = true;
    void terminateGroup(leader, options.killGraceMs);
  };
  let killAtStart = false;
  let ended = false;
  let resolve!: (outcome: ProcessOutcome) => void;
  const done = new Promise<ProcessOutcome>((r) => (resolve = r));
  let logsBroken = false;
  /** Reads what the node wrote; returns the bytes read (0 once reading failed). */
  const readLogs = (final: boolean): number => {
    if (logsBroken) return 0;
    try {
      if (!final) return logs.read(hooks.onLines, hooks.onLineInProgress);
      logs.finish(hooks.onLines, hooks.onLineInProgress);
    } catch (error) {
      logsBroken = true;
      hooks.onLogError(error as Error);
    }
    return 0;
  };
  const look = () => {
    poll = setTimeout(look, readLogs(false) >= FAST_WRITER_BYTES ? FAST_POLL_MS : LOG_POLL_MS);
  };
  let poll = setTimeout(look, LOG_POLL_MS);
  const stop = (reason: 'cancel' | 'timeout') => {
    if (ended || stoppedBy) return;
    stoppedBy = reason;
    if (pid !== undefined) terminate(pid);
  };
  const cancelTimeout = options.timeoutMs !== undefined ? afterDelay(options.timeoutMs, () => stop('timeout')) : undefined;
  const end = (outcome: ProcessOutcome) => {
    ended = true;
    clearTimeout(poll);
    cancelTimeout?.();
    readLogs(true);
    if (!strays) return resolve(outcome);
    void strays.then((stopped) => resolve(stopped.length > 0 ? { ...outcome, strays: stopped } : outcome));
  };

  const fail = (message: string, kind: 'spawn' | 'logs' | 'lost') => end({ exitCode: null, signal: null, failure: { kind, message }, ...(stoppedBy ? { stoppedBy } : {}) });
  const handlers: LaunchHandlers = {
    onPid: (started) => {
      pid = started;
      hooks.onStart(started);
      if (killAtStart) signalGroup(started, 'SIGKILL');
      else if (stoppedBy) terminate(started);
    },
    onExit: (code, signal) => {
      const outcome = { exitCode: code, signal, ...(stoppedBy ? { stoppedBy } : {}) };
      // The node is done when its leader exits; anything it left behind in its group goes too, and the attempt ends
      // once it is gone, so its last lines are read.
      if (pid === undefined || !signalGroup(pid, 'SIGTERM')) return end(outcome);
      terminate(pid);
      void untilGroupGone(pid, options.killGraceMs + GROUP_GONE_WAIT_MS).then(() => end(outcome));
    },
    onError: fail,
  };
  try {
    launcher.launch(request, handlers);
  } catch (error) {
    // Whatever a launch throws (an argument spawn refuses) fails this attempt, and its timers stop with it.
    fail((error as Error).message, 'spawn');
  }

  const kill = () => {
    if (ended) return;
    stoppedBy ??= 'cancel';
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
    else killAtStart = true;
  };
  return { done, stop, kill };
}

/** Resolves once no process of the group runs any more, or after `maxMs`. */
function untilGroupGone(pid: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  return new Promise((resolve) => {
    const check = () => (!groupHasLiveProcess(pid) || Date.now() >= deadline ? resolve() : setTimeout(check, 25));
    check();
  });
}
