// `pipewright list`: the stored pipelines.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list the pipelines stored in the database')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const pipelines = ctx.engine().ctx.pipelines.list();
      if (options.json) return ctx.print(JSON.stringify(pipelines, null, 2));
      if (pipelines.length === 0) return ctx.print('no pipelines yet — create one in the app or `pipewright import <file>`');
      ctx.print(
        formatTable(
          ['NAME', 'REVISION', 'NODES', 'UPDATED'],
          pipelines.map((p) => [p.name, String(p.revision), String(p.nodeCount), p.updatedAt]),
        ),
      );
    });
}
