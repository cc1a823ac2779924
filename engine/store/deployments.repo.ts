// Local deployments (prediction servers started by deploy.serve) in SQLite: what runs where, with which pid.
import type { DeploymentRecord } from '../../shared/api/index';
import { ApiError } from '../../shared/api/index';
import type { Db } from './database';

/** What starting a deployment records. */
export interface NewDeployment {
  id: string;
  name: string;
  modelName: string | null;
  modelVersion: number | null;
  modelPath: string;
  host: string;
  port: number;
  pid: number;
  runId: string | null;
  nodeId: string | null;
  logPath: string;
}

interface DeploymentRow {
  id: string;
  name: string;
  model_name: string | null;
  model_version: number | null;
  model_path: string;
  host: string;
  port: number;
  pid: number;
  status: DeploymentRecord['status'];
  run_id: string | null;
  node_id: string | null;
  log_path: string;
  started_at: string;
  stopped_at: string | null;
}

export class DeploymentsRepo {
  constructor(private readonly db: Db) {}

  add(input: NewDeployment): DeploymentRecord {
    this.db
      .prepare(
        `INSERT INTO deployments (id, name, model_name, model_version, model_path, host, port, pid, status, run_id, node_id, log_path, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
      )
      .run(input.id, input.name, input.modelName, input.modelVersion, input.modelPath, input.host, input.port, input.pid, input.runId, input.nodeId, input.logPath, new Date().toISOString());
    return this.get(input.id);
  }

  /** Every deployment, newest first. */
  list(): DeploymentRecord[] {
    return (this.db.prepare('SELECT * FROM deployments ORDER BY started_at DESC, id').all() as DeploymentRow[]).map(toRecord);
  }

  /** Deployments recorded as running (their processes may have died since; callers check). */
  running(): DeploymentRecord[] {
    return (this.db.prepare("SELECT * FROM deployments WHERE status = 'running' ORDER BY started_at").all() as DeploymentRow[]).map(toRecord);
  }

  get(id: string): DeploymentRecord {
    const row = this.db.prepare('SELECT * FROM deployments WHERE id = ?').get(id) as DeploymentRow | undefined;
    if (!row) throw new ApiError('not_found', `no deployment with id ${id}`);
    return toRecord(row);
  }

  /** A deployment by id or unique id prefix (the CLI accepts the short form it prints). */
  find(idOrPrefix: string): DeploymentRecord {
    const rows = this.db.prepare("SELECT * FROM deployments WHERE id LIKE ? ESCAPE '\\' ORDER BY started_at DESC").all(`${idOrPrefix.replace(/[\\%_]/g, '\\$&')}%`) as DeploymentRow[];
    if (rows.length === 0) throw new ApiError('not_found', `no deployment with id ${idOrPrefix} — \`pipewright deployments\` lists them`);
    if (rows.length > 1) throw new ApiError('invalid_input', `"${idOrPrefix}" matches ${rows.length} deployments; give more of the id`);
    return toRecord(rows[0]!);
  }

  /** Records that a stop was asked for, so a concurrent status check that finds the process gone says "stopped". */
  markStopping(id: string): void {
    this.db.prepare("UPDATE deployments SET stopped_at = ? WHERE id = ? AND status = 'running'").run(new Date().toISOString(), id);
  }

  /** Ends a running deployment: `exited` becomes `stopped` when a stop had been asked for. */
  markEnded(id: string, status: 'stopped' | 'exited'): DeploymentRecord {
    this.db
      .prepare(
        `UPDATE deployments SET status = CASE WHEN stopped_at IS NOT NULL THEN 'stopped' ELSE ? END, stopped_at = coalesce(stopped_at, ?)
         WHERE id = ? AND status = 'running'`,
      )
      .run(status, new Date().toISOString(), id);
    return this.get(id);
  }
}

function toRecord(row: DeploymentRow): DeploymentRecord {
  return {
    id: row.id,
    name: row.name,
    modelName: row.model_name,
    modelVersion: row.model_version,
    modelPath: row.model_path,
    url: `http://${row.host}:${row.port}`,
    port: row.port,
    pid: row.pid,
    status: row.status,
    runId: row.run_id,
    nodeId: row.node_id,
    logPath: row.log_path,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
  };
}
