// `pipewright run-node` in an exported job: parameter and secret references in PIPEWRIGHT_PARAMS resolve from the
// job's environment, and a missing secret stops the node with a sentence saying where to define it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-home';

const params = { command: 'echo "$GREETING" > "$PIPEWRIGHT_OUTPUT_OUT"', env: { GREETING: '${params.greeting} x${params.times} ${secrets.TOKEN}' } };
const env = {
  PIPEWRIGHT_PARAMS: JSON.stringify(params),
  PIPEWRIGHT_PARAMETERS: JSON.stringify([{ name: 'greeting', type: 'string', default: 'hello' }, { name: 'times', type: 'number', default: 1 }]),
  PIPEWRIGHT_PARAM_TIMES: '3',
  TOKEN: 's3cret',
};

describe('run-node with run-time references', () => {
  it('resolves parameters (defaults for unset ones) and secrets from the environment', () => {
    const dir = tempDir();
    const out = join(dir, 'out.txt');
    const result = runCli(['run-node', 'script.shell', '--output', `out=${out}`], { home: tempDir(), env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('hello x3 s3cret\n');
  });

  it('exits 2 naming the secret that is not set, and a mistyped parameter', () => {
    const noSecret = runCli(['run-node', 'script.shell', '--output', `out=${join(tempDir(), 'o')}`], { home: tempDir(), env: { ...env, TOKEN: undefined } });
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('secret "TOKEN" is not set');
    const mistyped = runCli(['run-node', 'script.shell', '--output', `out=${join(tempDir(), 'o')}`], { home: tempDir(), env: { ...env, PIPEWRIGHT_PARAM_TIMES: 'often' } });
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toContain('parameter "times" must be a number; got "often"');
  });
});
