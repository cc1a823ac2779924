// The process that runs a node: script nodes run their command under /bin/sh or as a plain program (no Node between),
// built-in nodes run `pipewright run-node <type>` — the same command exported CI jobs and pods run.
import { nodeEnv, type NodeEnvSpec } from '../nodes/node-env';
import { scriptProcess } from '../nodes/script-command';
import type { LaunchRequest } from './launch-process';
import type { RunContext } from './run-context';
import type { PlannedNode } from './run-plan';

/** What to start for a node, before its log files are chosen. */
export type NodeCommand = Omit<LaunchRequest, 'stdoutFile' | 'stderrFile'>;

/** Builds the command for one attempt; throws with a one-line reason when the command cannot be built. */
export function nodeProcessCommand(ctx: RunContext, planned: PlannedNode, spec: NodeEnvSpec): NodeCommand {
  return refuseNul(buildCommand(ctx, planned, spec));
}

function buildCommand(ctx: RunContext, planned: PlannedNode, spec: NodeEnvSpec): NodeCommand {
  const { cwd, baseEnv } = ctx;
  if (planned.definition.runtime === 'script') {
    const extra = (planned.params['env'] ?? {}) as Record<string, string>;
    const proc = scriptProcess(String(planned.params['command']), spec, extra);
    return { file: proc.file, args: proc.args, baseEnv, env: proc.env, cwd };
  }
  const [file, ...prefix] = ctx.settings.nodeCommand;
  if (!file) throw new Error('no command is configured to run built-in nodes');
  return { file, args: [...prefix, 'run-node', planned.definition.id], baseEnv, env: { ...ctx.settings.nodeCommandEnv, ...nodeEnv(spec) }, cwd };
}

/** No process can be given a NUL character (C strings end there): say where it is instead of failing to start. */
function refuseNul(command: NodeCommand): NodeCommand {
  const nul = (text: string | undefined) => text?.includes('\0') ?? false;
  if ([command.file, ...command.args].some(nul)) throw new Error('the command contains a NUL character (\\0): no process can be given one');
  const variable = Object.keys(command.env).find((name) => nul(command.env[name]));
  if (variable) throw new Error(`environment variable ${variable} contains a NUL character (\\0): no process can be given one`);
  return command;
}
