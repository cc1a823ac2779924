// Turns a script node's command template into the shell command and environment to run (DESIGN §4 placeholders).
import { shellQuote } from '../../shared/nodes/node-contract';
import { nodeEnv, type NodeEnvSpec } from './node-env';
import { plainCommandWords } from './plain-command';

export { shellQuote };

/**
 * Replaces `{{inputs.<port>}}`, `{{outputs.<port>}}` (shell-quoted paths) and `{{params.<name>}}` (the node's own
 * resolved params, e.g. an env entry) in `template`. Unknown placeholders are an error: a typo must not run as text.
 */
export function renderCommand(template: string, spec: NodeEnvSpec): string {
  return template.replace(/\{\{\s*(inputs|outputs|params)\.([A-Za-z][A-Za-z0-9_-]*)\s*\}\}/g, (match, kind: string, name: string) => {
    if (kind === 'inputs' && spec.inputs[name]) return spec.inputs[name].map(shellQuote).join(' ');
    if (kind === 'outputs' && spec.outputs[name] !== undefined) return shellQuote(spec.outputs[name]);
    if (kind === 'params' && spec.params[name] !== undefined) return shellQuote(String(spec.params[name]));
    throw new Error(`the command uses ${match}, but the node has no ${kind.slice(0, -1)} "${name}"`);
  });
}

/**
 * The process to start for a script node, plus the contract variables: `/bin/sh -c <command>` (cmd.exe on Windows),
 * or on POSIX the command's own program when it is a plain list of words (plain-command.ts).
 */
export function scriptProcess(
  command: string,
  spec: NodeEnvSpec,
  extraEnv: Record<string, string> = {},
): { file: string; args: string[]; env: Record<string, string> } {
  const rendered = renderCommand(command, spec);
  const env = { ...extraEnv, ...nodeEnv(spec) };
  if (process.platform === 'win32') return { file: process.env['ComSpec'] ?? 'cmd.exe', args: ['/d', '/s', '/c', rendered], env };
  const [program, ...args] = plainCommandWords(rendered) ?? ['/bin/sh', '-c', rendered];
  return { file: program!, args, env };
}
