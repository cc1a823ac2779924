// A script node's command as exporters see it: placeholders parsed once, then rendered with each target's paths.
// Parameters and secrets become shell variables (`${PIPEWRIGHT_PARAM_X}`, `${NAME}`) that the job's environment sets,
// so a parameter value can never inject shell syntax into the exported script.
import { parameterEnvName, shellQuote } from '../nodes/node-contract';
import { parseTemplate, renderTemplate, SECRET_NAME, type ValueTemplate } from './value-template';

/** One piece of a command template. */
export type CommandPart =
  | { kind: 'text'; text: string }
  | { kind: 'input'; port: string }
  | { kind: 'output'; port: string }
  | { kind: 'param'; name: string }
  | { kind: 'secret'; name: string }
  /** `{{params.x}}` naming the node's own param (not a pipeline parameter): its value, shell-quoted. */
  | { kind: 'nodeParam'; name: string; value: ValueTemplate }
  /** A placeholder nothing provides: the capability lint reports it. */
  | { kind: 'unknown'; text: string };

const PLACEHOLDER = /\{\{\s*(inputs|outputs|params|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;

/** Parses `command`; pipeline parameters win over the node's own params, as in a local run. */
export function parseCommand(command: string, nodeParams: Record<string, unknown>, isParameter: (name: string) => boolean): CommandPart[] {
  const parts: CommandPart[] = [];
  let last = 0;
  for (const match of command.matchAll(PLACEHOLDER)) {
    const [whole, kind, name] = match as unknown as [string, string, string];
    if (match.index > last) parts.push({ kind: 'text', text: command.slice(last, match.index) });
    last = match.index + whole.length;
    if (kind === 'inputs') parts.push({ kind: 'input', port: name });
    else if (kind === 'outputs') parts.push({ kind: 'output', port: name });
    else if (kind === 'secrets') parts.push(SECRET_NAME.test(name) ? { kind: 'secret', name } : { kind: 'unknown', text: whole });
    else if (isParameter(name)) parts.push({ kind: 'param', name });
    else if (name !== 'command' && nodeParams[name] !== undefined && typeof nodeParams[name] !== 'object') {
      parts.push({ kind: 'nodeParam', name, value: parseTemplate(String(nodeParams[name]), isParameter) });
    } else parts.push({ kind: 'unknown', text: whole });
  }
  if (last < command.length) parts.push({ kind: 'text', text: command.slice(last) });
  return parts;
}

/** How a target spells artifact paths as shell words (already quoted). */
export interface CommandPaths {
  input(port: string): string;
  output(port: string): string;
}

/** The shell script a target runs for the node. */
export function renderCommand(parts: readonly CommandPart[], paths: CommandPaths): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'input':
          return paths.input(p.port);
        case 'output':
          return paths.output(p.port);
        case 'param':
          return `\${${parameterEnvName(p.name)}}`;
        case 'secret':
          return `\${${p.name}}`;
        case 'nodeParam':
          return renderTemplate(p.value, { text: shellQuote, param: (n) => `"\${${parameterEnvName(n)}}"`, secret: (n) => `"\${${n}}"` }) || "''";
        case 'unknown':
          return p.text;
      }
    })
    .join('');
}

/** Pipeline parameters or secrets referenced inside single quotes, where the exported `${…}` would not expand. */
export function refsInSingleQuotes(command: string, isParameter: (name: string) => boolean): string[] {
  const found: string[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === '\\' && !single) i++;
    else if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    else if (single && command.startsWith('{{', i)) {
      const ref = /^\{\{\s*(params|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/.exec(command.slice(i));
      if (ref && (ref[1] === 'secrets' || isParameter(ref[2]!))) found.push(ref[0]);
    }
  }
  return found;
}
