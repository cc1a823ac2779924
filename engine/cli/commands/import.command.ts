// `pipewright import <file>`: stores a pipeline file in SQLite (a new pipeline, or a new revision with --replace).
import { basename } from 'node:path';
import type { Command } from 'commander';
import { importPipeline } from '../../pipelines/import-pipeline';
import type { CliContext } from '../cli-context';
import { readPipelineFile } from '../pipeline-source';

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('store a pipeline file in the database')
    .argument('<file>', 'pipeline file (.json or .yaml)')
    .option('--replace', 'if a pipeline of that name exists, add the file as its next revision instead of a copy')
    .action((file: string, options: { replace?: boolean }) => {
      const { pipeline, baseDir } = readPipelineFile(file);
      const record = importPipeline(ctx.engine().ctx.pipelines, pipeline, {
        fileName: basename(file),
        replace: options.replace ?? false,
        sourceDir: baseDir,
      });
      ctx.print(`imported "${record.name}" (revision ${record.revision}, ${record.nodeCount} nodes)`);
    });
}
