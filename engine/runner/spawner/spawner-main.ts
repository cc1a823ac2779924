// The spawner helper (dist/spawner.js): a small long-lived Node process that starts node processes for the engine.
// Forking copies the forking process's page tables, so a spawn from the engine (the CLI bundle, SQLite, the run
// state: ~90 MB resident) costs several times one from this process, which loads nothing else (docs/runner.md).
import { launchProcess, LogFileError } from '../launch-process';
import { onJsonLines, type SpawnerReply, type SpawnerRequest } from './spawner-protocol';

const baseEnvs = new Map<number, NodeJS.ProcessEnv>();
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

function launch(request: Extract<SpawnerRequest, { t: 'launch' }>): void {
  const { id, envId, t: _t, ...rest } = request;
  try {
    const child = launchProcess({ ...rest, baseEnv: baseEnvs.get(envId) ?? {} });
    child.on('error', (error) => reply({ t: 'error', id, message: error.message, logs: false }));
    child.on('exit', (code, signal) => reply({ t: 'exit', id, code, signal }));
    if (child.pid !== undefined) reply({ t: 'pid', id, pid: child.pid });
  } catch (error) {
    reply({ t: 'error', id, message: (error as Error).message, logs: error instanceof LogFileError });
  }
}

onJsonLines<SpawnerRequest>(process.stdin, (request) => {
  if (request.t === 'env') baseEnvs.set(request.id, request.env);
  else launch(request);
});
// The engine is gone (or closing): leave. Node processes lead their own sessions and keep running; an engine that
// starts later recovers them (recover-runs.ts).
process.stdin.on('end', () => process.exit(0));
reply({ t: 'ready' });
