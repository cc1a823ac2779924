// `pipewright export-file <name> [--out FILE]`: writes a stored pipeline as its canonical pipeline file.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { serializePipeline } from '../../../shared/pipeline/pipeline-file';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';

export function registerExportFile(program: Command, ctx: CliContext): void {
  program
    .command('export-file')
    .description('write a stored pipeline to a pipeline file (standard output without --out)')
    .argument('<name>', 'pipeline name or id')
    .option('--out <file>', 'file to write')
    .action((name: string, options: { out?: string }) => {
      const record = ctx.engine().ctx.pipelines.find(name);
      if (!record) throw new CliError(`no stored pipeline "${name}" — \`pipewright list\` shows them`);
      const text = serializePipeline(record.document);
      if (!options.out) return void process.stdout.write(text);
      writeFileSync(options.out, text);
      ctx.warn(`wrote ${options.out} (revision ${record.revision})`);
    });
}
