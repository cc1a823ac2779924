// `pipewright validate <file>`: prints every problem; exit 2 when any is an error.
import type { Command } from 'commander';
import { getNodeType } from '../../../shared/nodes/index';
import { formatProblem, hasErrors } from '../../../shared/validation/problem';
import { validatePipeline } from '../../../shared/validation/validate-pipeline';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';
import { readPipelineFile } from '../pipeline-source';

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check a pipeline file: schema, node types, params, ports, cycles')
    .argument('<file>', 'pipeline file (.json or .yaml)')
    .option('--json', 'print the problems as a JSON array')
    .action((file: string, options: { json?: boolean }) => {
      const { pipeline } = readPipelineFile(file);
      const problems = validatePipeline(pipeline, getNodeType);
      if (options.json) ctx.print(JSON.stringify(problems, null, 2));
      else {
        for (const p of problems) ctx.print(`${file}: ${formatProblem(p)}`);
        if (!hasErrors(problems)) ctx.print(`${file}: valid (${pipeline.nodes.length} nodes, ${pipeline.edges.length} edges)`);
      }
      if (hasErrors(problems)) throw new CliError('', 2);
    });
}
