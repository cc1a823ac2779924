// `pipewright deployments [--json]` lists local prediction servers; `deployments stop <id>|--all` stops them.
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/index';
import type { DeploymentRecord } from '../../../shared/api/index';
import { modelHandlers } from '../../api/model.handlers';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';

function printTable(ctx: CliContext, deployments: readonly DeploymentRecord[]): void {
  if (deployments.length === 0) return ctx.print('no deployments');
  const rows = deployments.map((d) => [d.id, d.name, d.modelVersion ? `${d.modelName} v${d.modelVersion}` : '-', d.status, d.status === 'running' ? d.url : '-', String(d.pid), d.startedAt]);
  ctx.print(formatTable(['ID', 'NAME', 'MODEL', 'STATUS', 'URL', 'PID', 'STARTED'], rows));
}

/** API errors (unknown id, ambiguous prefix) are usage errors on the command line. */
async function invoke<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  }
}

export function registerDeployments(program: Command, ctx: CliContext): void {
  const deployments = program
    .command('deployments')
    .description('list local prediction servers started by deploy.serve (stop them with `deployments stop`)')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await invoke(() => modelHandlers['deployment.list']({}, ctx.engine().ctx));
      if (options.json) return ctx.print(JSON.stringify(list, null, 2));
      printTable(ctx, list);
    });
  deployments
    .command('stop')
    .description('stop a deployment by id (or unique id prefix), or every running one with --all')
    .argument('[id]', 'deployment id, as `pipewright deployments` prints it')
    .option('--all', 'stop every running deployment')
    .action(async (id: string | undefined, options: { all?: boolean }) => {
      if (!id && !options.all) throw new CliError('give a deployment id, or --all');
      if (id && options.all) throw new CliError('give either a deployment id or --all, not both');
      const stopped = await invoke(() => modelHandlers['deployment.stop'](id ? { id } : { all: true }, ctx.engine().ctx));
      if (stopped.length === 0) return ctx.print('no running deployments');
      for (const d of stopped) ctx.print(`${d.id} ${d.name}: ${d.status === 'stopped' ? 'stopped' : 'was not running'}`);
    });
}
