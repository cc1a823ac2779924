// `script.python`: runs Python code (inline or a file) with the interpreter the user chooses.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const scriptPython = defineNodeType({
  id: 'script.python',
  version: 1,
  category: 'utility',
  title: 'Python script',
  description:
    'Runs Python code with the chosen interpreter. Declare input and output ports on the node; the code reads their paths ' +
    'from os.environ["PIPEWRIGHT_INPUT_<PORT>"] / ["PIPEWRIGHT_OUTPUT_<PORT>"], its params from PIPEWRIGHT_PARAMS, and may ' +
    'write metrics as JSON to PIPEWRIGHT_METRICS. A missing interpreter or module fails the node with a one-line error.',
  icon: 'python',
  inputs: [],
  outputs: [],
  userPorts: true,
  runtime: 'builtin',
  builtOn: 'the Python interpreter you choose',
  params: () => z.object({
    code: z
      .string()
      .default('print("hello from Python")')
      .describe('Python code to run (ignored when file is set).')
      .meta({ ui: { kind: 'code', language: 'python' } }),
    file: z
      .string()
      .default('')
      .describe('A .py file to run instead of code. A relative path resolves against the pipeline file’s folder.')
      .meta({ ui: { kind: 'file', extensions: ['py'] } }),
    interpreter: z
      .string()
      .min(1)
      .default('python3')
      .describe('Python to run: a command on PATH or a full path (e.g. /usr/bin/python3, a virtualenv’s bin/python).'),
    requirements: z
      .string()
      .default('')
      .describe('Comma-separated modules the code imports (e.g. sklearn, pandas); checked before running, for a clear error.'),
    env: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names use letters, digits and "_"'), z.string())
      .default({})
      .describe('Extra environment variables.')
      .meta({ ui: { kind: 'keyValue' } }),
  }),
  example: { params: { code: 'import os, json\nprint("params:", json.loads(os.environ["PIPEWRIGHT_PARAMS"])["interpreter"])' } },
});
