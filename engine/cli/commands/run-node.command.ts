// `pipewright run-node <type>`: runs one node from the DESIGN §4 contract (env vars, or the equivalent flags).
import type { Command } from 'commander';
import { resolveRunTimeRefs } from '../../../shared/export/run-time-refs';
import { getNodeType } from '../../../shared/nodes/index';
import { readNodeEnv } from '../../nodes/node-env';
import { runNode } from '../../nodes/run-node';
import { CliError } from '../cli-error';
import type { CliContext } from '../cli-context';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `port=path` → [port, path]. */
function pair(flag: string, value: string): [string, string] {
  const at = value.indexOf('=');
  if (at <= 0) throw new CliError(`${flag} takes port=path; got "${value}"`);
  return [value.slice(0, at), value.slice(at + 1)];
}

export function registerRunNode(program: Command, _ctx: CliContext): void {
  program
    .command('run-node')
    .description('run one node in this process (used by exported CI jobs and pods); reads PIPEWRIGHT_* variables')
    .argument('<type>', 'node type id, e.g. data.csv')
    .option('--params <json>', 'params as JSON (default: $PIPEWRIGHT_PARAMS)')
    .option('--input <port=path>', 'input artifact path (repeatable; default: $PIPEWRIGHT_INPUT_<PORT>)', collect, [])
    .option('--output <port=path>', 'output artifact path (repeatable; default: $PIPEWRIGHT_OUTPUT_<PORT>)', collect, [])
    .option('--metrics <file>', 'JSON file to write metrics to (default: $PIPEWRIGHT_METRICS)')
    .option('--base-dir <dir>', 'folder relative file params resolve against (default: $PIPEWRIGHT_BASE_DIR or cwd)')
    .action(async (type: string, options: { params?: string; input: string[]; output: string[]; metrics?: string; baseDir?: string }) => {
      const definition = getNodeType(type);
      if (!definition) throw new CliError(`unknown node type "${type}" — \`pipewright nodes\` lists them`);
      const declared = {
        inputs: [...definition.inputs.map((p) => p.id), ...options.input.map((v) => pair('--input', v)[0])],
        outputs: [...definition.outputs.map((p) => p.id), ...options.output.map((v) => pair('--output', v)[0])],
      };
      const spec = readNodeEnv(process.env, declared);
      if (options.params) {
        try {
          spec.params = JSON.parse(options.params) as Record<string, unknown>;
        } catch (error) {
          throw new CliError(`--params is not valid JSON: ${(error as Error).message}`);
        }
      }
      const flagInputs: Record<string, string[]> = {};
      for (const value of options.input) {
        const [port, path] = pair('--input', value);
        (flagInputs[port] ??= []).push(path);
      }
      spec.inputs = { ...spec.inputs, ...flagInputs };
      for (const value of options.output) {
        const [port, path] = pair('--output', value);
        spec.outputs[port] = path;
      }
      try {
        spec.params = resolveRunTimeRefs(spec.params, process.env); // `${params.x}` / `${secrets.X}` from exported jobs
      } catch (error) {
        throw new CliError(`${type}: ${(error as Error).message}`);
      }
      if (options.metrics) spec.metricsFile = options.metrics;
      if (options.baseDir) spec.baseDir = options.baseDir;
      const controller = new AbortController();
      process.once('SIGTERM', () => controller.abort());
      const result = await runNode(type, spec, controller.signal);
      if (result.exitCode !== 0) throw new CliError(result.error ? `${type}: ${result.error}` : '', result.exitCode);
    });
}
