// Starting and stopping local deployments: detached `pipewright serve-model` processes recorded in SQLite.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeploymentRecord } from '../../shared/api/index';
import type { HomePaths } from '../home';
import { NodeError } from '../nodes/node-implementation';
import type { DeploymentsRepo } from '../store/deployments.repo';
import { unmarkedEnv } from '../runner/marked-processes';
import { pipewrightCommand } from './cli-invocation';
import { isDeploymentProcess, waitForExit } from './process-check';

export const SERVER_HOST = '127.0.0.1';

export interface StartDeployment {
  name: string;
  modelDir: string;
  modelName: string | null;
  modelVersion: number | null;
  port: number;
  runId: string | null;
  nodeId: string | null;
}

/** Written by the server once it listens. */
interface ReadyFile {
  pid: number;
  port: number;
}

const START_TIMEOUT_MS = 20_000;

/**
 * Copies the model next to the deployment (so deleting the run's artifacts does not break it), starts the server in
 * its own process group and without the run's marker in its environment (it outlives the run: it is not stopped with
 * the node's processes), waits until it listens, and records it.
 */
export async function startDeployment(home: HomePaths, repo: DeploymentsRepo, input: StartDeployment): Promise<DeploymentRecord> {
  const id = randomBytes(4).toString('hex');
  const dir = join(home.root, 'deployments', id);
  const modelDir = join(dir, 'model');
  mkdirSync(dir, { recursive: true });
  cpSync(input.modelDir, modelDir, { recursive: true });
  const logPath = join(dir, 'server.log');
  const readyPath = join(dir, 'ready.json');
  const command = pipewrightCommand(['serve-model', modelDir, '--host', SERVER_HOST, '--port', String(input.port), '--name', input.modelName ?? input.name, '--deployment-id', id, '--ready-file', readyPath]);
  const logFd = openSync(logPath, 'a');
  const child = spawn(command.file, command.args, { detached: true, stdio: ['ignore', logFd, logFd], env: { ...unmarkedEnv(process.env), ...command.env } });
  closeSync(logFd);
  child.unref();
  const ready = await waitForReady(readyPath, child, logPath);
  return repo.add({ id, name: input.name, modelName: input.modelName, modelVersion: input.modelVersion, modelPath: modelDir, host: SERVER_HOST, port: ready.port, pid: ready.pid, runId: input.runId, nodeId: input.nodeId, logPath });
}

function waitForReady(readyPath: string, child: ReturnType<typeof spawn>, logPath: string): Promise<ReadyFile> {
  return new Promise((resolve, reject) => {
    const lastLogLine = () => readFileSync(logPath, 'utf8').trim().split('\n').at(-1) ?? '';
    const onExit = (code: number | null) => {
      clearInterval(poll);
      reject(new NodeError(`the prediction server exited (code ${code}) before it was ready: ${lastLogLine().replace(/^pipewright: /, '')}`));
    };
    child.once('exit', onExit);
    child.once('error', (error) => {
      clearInterval(poll);
      reject(new NodeError(`could not start the prediction server: ${error.message}`));
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    const poll = setInterval(() => {
      if (existsSync(readyPath)) {
        clearInterval(poll);
        child.off('exit', onExit);
        resolve(JSON.parse(readFileSync(readyPath, 'utf8')) as ReadyFile);
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        child.off('exit', onExit);
        child.kill('SIGKILL');
        reject(new NodeError(`the prediction server did not start within ${START_TIMEOUT_MS / 1000} s; see ${logPath}`));
      }
    }, 25);
  });
}

/** Marks deployments whose process is gone as `exited`, and returns the current list. */
export function refreshDeployments(repo: DeploymentsRepo): DeploymentRecord[] {
  for (const record of repo.running()) {
    if (!isDeploymentProcess(record.pid, record.id)) repo.markEnded(record.id, 'exited');
  }
  return repo.list();
}

/** Stops one deployment's server (SIGTERM, then SIGKILL after 3 s) and records it as stopped. */
export async function stopDeployment(repo: DeploymentsRepo, record: DeploymentRecord): Promise<DeploymentRecord> {
  if (record.status !== 'running') return record;
  if (!isDeploymentProcess(record.pid, record.id)) return repo.markEnded(record.id, 'exited');
  repo.markStopping(record.id);
  process.kill(record.pid, 'SIGTERM');
  if (!(await waitForExit(record.pid, 3000))) {
    process.kill(record.pid, 'SIGKILL');
    await waitForExit(record.pid, 2000);
  }
  return repo.markEnded(record.id, 'stopped');
}

/** Stops every running deployment named `name` (a re-run of deploy.serve replaces its server). */
export async function stopByName(repo: DeploymentsRepo, name: string): Promise<DeploymentRecord[]> {
  const matching = repo.running().filter((d) => d.name === name);
  return Promise.all(matching.map((d) => stopDeployment(repo, d)));
}
