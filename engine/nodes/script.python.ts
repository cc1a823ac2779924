// `script.python`: runs inline code or a .py file with the chosen interpreter, under the node-process contract.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { scriptPython } from '../../shared/nodes/script.python';
import { parseColumnList } from '../ml/table';
import { nodeEnv } from './node-env';
import { NodeError, type NodeImplementation, type NodeRunContext } from './node-implementation';
import { paramPath } from './node-io';
import { PYTHON_BOOTSTRAP } from './python-bootstrap';

type Params = z.output<typeof scriptPython.params>;

function scriptFile(ctx: NodeRunContext, params: Params, work: string): string {
  if (params.file) {
    const file = paramPath(ctx, params.file);
    if (!existsSync(file)) throw new NodeError(`Python file not found: ${file}`);
    return file;
  }
  const file = join(work, `${ctx.run?.nodeId ?? 'script'}.py`);
  writeFileSync(file, params.code);
  return file;
}

function runInterpreter(ctx: NodeRunContext, params: Params, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(params.interpreter, args, { cwd: ctx.baseDir, env, stdio: ['ignore', 'inherit', 'inherit'], signal: ctx.signal });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new NodeError(`Python interpreter "${params.interpreter}" not found — install Python 3 or set "interpreter" to its full path (e.g. /usr/bin/python3)`));
      else if (error.code === 'EACCES') reject(new NodeError(`"${params.interpreter}" is not executable — set "interpreter" to a Python 3 executable`));
      else if (error.name === 'AbortError') reject(new NodeError('canceled'));
      else reject(new NodeError(`could not start "${params.interpreter}": ${error.message}`));
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Forwards the metrics the script wrote ({name: number}) as run metrics. */
function forwardMetrics(ctx: NodeRunContext, file: string): void {
  if (!existsSync(file)) return;
  let metrics: unknown;
  try {
    metrics = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NodeError(`the script wrote invalid JSON to PIPEWRIGHT_METRICS: ${(error as Error).message}`);
  }
  for (const [name, value] of Object.entries(metrics as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) ctx.reportMetric(name, value);
  }
}

export const scriptPythonNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const work = mkdtempSync(join(tmpdir(), 'pipewright-python-'));
    try {
      const script = scriptFile(ctx, params, work);
      const errorFile = join(work, 'error.txt');
      // The script writes to the node's own metrics file when there is one (a series then shows as it is written).
      const metricsFile = ctx.metricsFile ?? join(work, 'metrics.json');
      const env = {
        ...process.env,
        ...params.env,
        ...nodeEnv({ params: ctx.params, inputs: ctx.inputs, outputs: ctx.outputs, metricsFile, baseDir: ctx.baseDir, ...(ctx.run ? { run: ctx.run } : {}) }),
        PYTHONUNBUFFERED: '1',
      };
      const requirements = parseColumnList(params.requirements).join(',');
      const code = await runInterpreter(ctx, params, ['-c', PYTHON_BOOTSTRAP, errorFile, script, requirements], env);
      if (code !== 0) {
        const reason = existsSync(errorFile) ? readFileSync(errorFile, 'utf8').trim() : `the script exited with code ${code}`;
        throw new NodeError(reason);
      }
      if (!ctx.metricsFile) forwardMetrics(ctx, metricsFile);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
