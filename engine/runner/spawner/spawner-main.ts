// The spawner helper (dist/spawner.js): a small long-lived Node process that starts node processes for the engine.
// Forking copies the forking process's page tables, so a spawn from the engine (the CLI bundle, SQLite, the run
// state: ~90 MB resident) costs several times one from this process, which loads nothing else (docs/runner.md).
import { FollowQueue } from '../follow-queue';
import { launchProcess, LogFileError } from '../launch-process';
import { DROPPED_MESSAGE, onJsonLines, type SpawnerReply, type SpawnerRequest } from './spawner-protocol';

type Launch = Extract<SpawnerRequest, { t: 'launch' }>;

const baseEnvs = new Map<number, NodeJS.ProcessEnv>();
const follow = new FollowQueue<Launch>();
let pending: string[] = [];

/** Replies of one turn of the event loop go out in one write. */
function reply(message: SpawnerReply): void {
  if (pending.length === 0) setImmediate(flush);
  pending.push(`${JSON.stringify(message)}\n`);
}

function flush(): void {
  process.stdout.write(pending.join(''));
  pending = [];
}

function launch(request: Launch): void {
  const { id, envId, after: _after, t: _t, ...rest } = request;
  follow.started(id);
  // A follower starts the moment its predecessor's process ends: no round trip through the engine in between.
  const ended = () => follow.ended(id).forEach(launch);
  try {
    const child = launchProcess({ ...rest, baseEnv: baseEnvs.get(envId) ?? {} });
    child.on('error', (error) => {
      ended();
      reply({ t: 'error', id, message: error.message, kind: 'spawn' });
    });
    child.on('exit', (code, signal) => {
      ended();
      reply({ t: 'exit', id, code, signal });
    });
    if (child.pid !== undefined) reply({ t: 'pid', id, pid: child.pid });
  } catch (error) {
    ended();
    reply({ t: 'error', id, message: (error as Error).message, kind: error instanceof LogFileError ? 'logs' : 'spawn' });
  }
}

onJsonLines<SpawnerRequest>(process.stdin, (request) => {
  if (request.t === 'env') baseEnvs.set(request.id, request.env);
  else if (request.t === 'drop') {
    if (follow.unpark((parked) => parked.id === request.id)) reply({ t: 'error', id: request.id, message: DROPPED_MESSAGE, kind: 'dropped' });
  } else if (request.after === undefined || !follow.park(request.after, request)) launch(request);
});
// The engine is gone (or closing): leave. Node processes lead their own sessions and keep running; an engine that
// starts later recovers them (recover-runs.ts).
process.stdin.on('end', () => process.exit(0));
reply({ t: 'ready' });
