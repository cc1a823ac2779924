// `pipewright runs delete RUN…` or `runs delete --filter EXPR [--pipeline P] [--search T] [--sweep S] [--all]
// [--dry-run]`: deletes finished runs with their logs, outputs and cache entries — by id (all or none), or every run
// the same flags list in `pipewright runs` (running ones skipped), so a retention rule is one line in a cron job.
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/index';
import { formatRunsDeleted } from '../../../shared/runs/run-format';
import type { ApiContext } from '../../api/context';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { queryRuns, type RunSelectionFlags } from './runs-query';

interface DeleteFlags extends RunSelectionFlags {
  dryRun?: boolean;
}

/** How many runs one query page reads while collecting what the flags select. */
const PAGE = 1000;

export function registerRunsDelete(runs: Command, ctx: CliContext): void {
  runs
    .command('delete')
    .description('delete finished runs with their logs, outputs and the cache entries they made, giving back their disk space')
    .argument('[runs...]', 'run ids, as `pipewright runs` prints them (all or none are deleted)')
    .option('--filter <expr>', 'instead of ids: every run matching the filter language, e.g. "started < \'2026-10-01\'"')
    .option('--pipeline <name>', 'instead of ids: runs of this pipeline (with --filter: both)')
    .option('--search <text>', 'instead of ids: runs whose id, pipeline, note or a tag contains the text')
    .option('--sweep <id>', 'instead of ids: runs of this sweep')
    .option('--all', 'with a selection: include runs hidden in the Experiments view')
    .option('--dry-run', 'print what would be deleted; delete nothing')
    .action((runIds: string[], flags: DeleteFlags) => {
      const selecting = Boolean(flags.filter || flags.pipeline || flags.search || flags.sweep);
      if (runIds.length > 0 && selecting) throw new CliError('give run ids or --filter/--pipeline/--search/--sweep, not both');
      if (runIds.length === 0 && !selecting) throw new CliError('give run ids, or choose runs with --filter/--pipeline/--search/--sweep');
      const { ctx: engine } = ctx.engine();
      const chosen = selecting ? selected(engine, flags) : { ids: runIds, running: [], unknownFields: [] };
      for (const field of chosen.unknownFields) ctx.warn(`note: no run has ${field}`);
      if (chosen.running.length > 0) ctx.warn(`skipped ${count(chosen.running.length)} still running (cancel first): ${chosen.running.join(', ')}`);
      if (flags.dryRun) {
        for (const id of chosen.ids) ctx.print(id);
        return ctx.print(`would delete ${count(chosen.ids.length)} (--dry-run: nothing was deleted)`);
      }
      if (chosen.ids.length === 0) return ctx.print('no run to delete');
      try {
        ctx.print(formatRunsDeleted(engine.runner.delete(chosen.ids)));
      } catch (error) {
        if (error instanceof ApiError) throw new CliError(error.message);
        throw error;
      }
    });
}

/** Every run the flags select, finished ones to delete and running ones to skip; names in the filter no run has. */
function selected(engine: ApiContext, flags: RunSelectionFlags): { ids: string[]; running: string[]; unknownFields: string[] } {
  engine.runner.recover(); // a run whose process died is finished, not running
  const ids: string[] = [];
  const running: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = queryRuns(engine, flags, { offset, limit: PAGE });
    for (const row of page.rows) (row.status === 'running' ? running : ids).push(row.id);
    if (offset + PAGE >= page.total) return { ids, running, unknownFields: page.unknownFields };
  }
}

function count(runs: number): string {
  return runs === 1 ? '1 run' : `${runs} runs`;
}
