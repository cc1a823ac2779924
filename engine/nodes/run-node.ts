// Runs one node in this process from the node-process contract: what `pipewright run-node` does locally, in CI and in pods.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { getNodeType } from '../../shared/nodes/index';
import type { NodeEnvSpec } from './node-env';
import { NodeError } from './node-implementation';
import { scriptProcess } from './script-command';

/** Outcome of one node: exit code and, for expected failures, the one-line reason. */
export interface RunNodeResult {
  exitCode: number;
  error?: string;
}

/** Validates params against the node type, prepares output folders, and runs the node. */
export async function runNode(typeId: string, spec: NodeEnvSpec, signal: AbortSignal): Promise<RunNodeResult> {
  const definition = getNodeType(typeId);
  if (!definition) return { exitCode: 2, error: `unknown node type "${typeId}" — \`pipewright nodes\` lists them` };
  const parsed = definition.params.safeParse(spec.params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    return { exitCode: 2, error: `invalid params for ${typeId}: ${issues}` };
  }
  const params = parsed.data as Record<string, unknown>;
  for (const path of Object.values(spec.outputs)) mkdirSync(dirname(path), { recursive: true });
  if (definition.runtime === 'script') return runScript(String(params['command']), { ...spec, params }, params, signal);
  // Loaded on demand: the implementations pull in the ML libraries, which every other CLI command would pay for at start-up.
  const { nodeImplementations } = await import('./index');
  const implementation = nodeImplementations[typeId];
  if (!implementation) return { exitCode: 2, error: `node type ${typeId} has no implementation in this build` };
  try {
    await implementation.run({
      definition,
      params,
      inputs: spec.inputs,
      outputs: spec.outputs,
      baseDir: spec.baseDir ?? process.cwd(),
      ...(spec.run ? { run: spec.run } : {}),
      reportMetric: (name, value) => spec.metricsFile && recordMetric(spec.metricsFile, name, value),
      ...(spec.metricsFile ? { metricsFile: spec.metricsFile } : {}),
      signal,
    });
    return { exitCode: 0 };
  } catch (error) {
    if (error instanceof NodeError) return { exitCode: 1, error: error.message };
    throw error;
  }
}

function runScript(command: string, spec: NodeEnvSpec, params: Record<string, unknown>, signal: AbortSignal): Promise<RunNodeResult> {
  const env = (params['env'] ?? {}) as Record<string, string>;
  let proc;
  try {
    proc = scriptProcess(command, spec, env);
  } catch (error) {
    return Promise.resolve({ exitCode: 2, error: (error as Error).message });
  }
  return new Promise((resolve) => {
    const child = spawn(proc.file, proc.args, { stdio: 'inherit', env: { ...process.env, ...proc.env }, signal });
    child.on('error', (error) => resolve({ exitCode: 1, error: `could not start ${proc.file}: ${error.message}` }));
    child.on('close', (code, sig) => resolve(code === 0 ? { exitCode: 0 } : { exitCode: code ?? 1, error: `command ${sig ? `killed by ${sig}` : `exited with code ${code}`}` }));
  });
}

/** Merges one metric into the JSON metrics file (`{name: number}`). */
function recordMetric(file: string, name: string, value: number): void {
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  current[name] = value;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(current, null, 2));
}
