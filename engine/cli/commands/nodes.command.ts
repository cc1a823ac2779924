// `pipewright nodes [--json]`: the node-type catalog.
import type { Command } from 'commander';
import { NODE_CATEGORIES } from '../../../shared/nodes/node-type';
import { nodeTypes } from '../../../shared/nodes/index';
import { nodeTypeInfo } from '../../../shared/nodes/node-type-info';
import { renderNodeDocs } from '../../../shared/nodes/node-docs';
import type { CliContext } from '../cli-context';
import { formatTable } from '../format-table';

export function registerNodes(program: Command, ctx: CliContext): void {
  program
    .command('nodes')
    .description('list the node types, with their ports and params')
    .option('--json', 'print every definition as JSON (params as JSON Schema)')
    .option('--markdown', 'print the Markdown reference (docs/nodes.md)')
    .action((options: { json?: boolean; markdown?: boolean }) => {
      if (options.json) return ctx.print(JSON.stringify(nodeTypes.map(nodeTypeInfo), null, 2));
      if (options.markdown) return void process.stdout.write(renderNodeDocs(nodeTypes));
      const ports = (list: readonly { id: string; type: string }[]) => list.map((p) => `${p.id}:${p.type}`).join(' ') || '-';
      const rows = NODE_CATEGORIES.flatMap((category) =>
        nodeTypes
          .filter((t) => t.category === category)
          .map((t) => [t.id, category, t.userPorts ? 'user-declared' : ports(t.inputs), t.userPorts ? 'user-declared' : ports(t.outputs), t.title]),
      );
      ctx.print(formatTable(['TYPE', 'CATEGORY', 'INPUTS', 'OUTPUTS', 'TITLE'], rows));
    });
}
