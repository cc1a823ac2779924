// `script.shell`: runs any shell command with the user's own typed input/output ports.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const scriptShell = defineNodeType({
  id: 'script.shell',
  version: 1,
  category: 'utility',
  title: 'Shell command',
  description:
    'Runs a shell command. Declare input and output ports on the node; the command reads and writes them through ' +
    '{{inputs.<port>}} / {{outputs.<port>}} or the PIPEWRIGHT_INPUT_<PORT> / PIPEWRIGHT_OUTPUT_<PORT> variables.',
  icon: 'terminal',
  inputs: [],
  outputs: [],
  userPorts: true,
  runtime: 'script',
  builtOn: '`/bin/sh` (`cmd.exe` on Windows)',
  params: () => z.object({
    command: z
      .string()
      .min(1, 'enter a command to run')
      .default('echo "hello from Pipewright"')
      .describe('The command, run with /bin/sh -c (cmd.exe on Windows); a plain program and its arguments start without a shell, as make runs them.')
      .meta({ ui: { kind: 'code', language: 'shell' } }),
    env: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names use letters, digits and "_"'), z.string())
      .default({})
      .describe('Extra environment variables. Use {{secrets.NAME}} for secrets: exports reference them by name.')
      .meta({ ui: { kind: 'keyValue' } }),
    image: z
      .string()
      .default('debian:12-slim')
      .describe('Container image used when the pipeline is exported to CI or Kubernetes.'),
  }),
  example: { params: { command: 'echo "hello from Pipewright"' } },
});
