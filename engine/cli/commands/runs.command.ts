// `pipewright runs [--pipeline NAME] [--limit N] [--json]`: the run history, newest first.
import type { Command } from 'commander';
import { formatCounts, formatDuration } from '../../../shared/runs/run-format';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';

export function registerRuns(program: Command, ctx: CliContext): void {
  program
    .command('runs')
    .description('list past and running runs, newest first')
    .option('--pipeline <name>', 'only runs of this stored pipeline (name or id)')
    .option('--limit <n>', 'how many runs to list', '20')
    .option('--json', 'print JSON')
    .action((options: { pipeline?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError(`--limit must be 1–1000; got "${options.limit}"`);
      const { ctx: engine } = ctx.engine();
      let pipelineId: string | undefined;
      if (options.pipeline) {
        const record = engine.pipelines.find(options.pipeline);
        if (!record) throw new CliError(`no stored pipeline "${options.pipeline}" — \`pipewright list\` shows them`);
        pipelineId = record.id;
      }
      const runs = engine.runner.runs.list({ ...(pipelineId ? { pipelineId } : {}), limit });
      if (options.json) return ctx.print(JSON.stringify(runs, null, 2));
      if (runs.length === 0) return ctx.print('no runs yet — `pipewright run <file|name>` starts one');
      ctx.print(
        formatTable(
          ['RUN', 'PIPELINE', 'STATUS', 'TRIGGER', 'STARTED', 'DURATION', 'NODES'],
          runs.map((r) => [
            r.id,
            r.pipelineRevision ? `${r.pipelineName}@${r.pipelineRevision}` : r.pipelineName,
            r.status,
            r.trigger,
            r.startedAt,
            r.durationMs === null ? '-' : formatDuration(r.durationMs),
            formatCounts(r.counts),
          ]),
        ),
      );
    });
}
