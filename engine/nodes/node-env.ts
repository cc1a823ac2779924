// The node-process environment contract (DESIGN §4): PIPEWRIGHT_INPUT_<PORT>, _OUTPUT_<PORT>, _PARAMS, _METRICS.
import { delimiter } from 'node:path';

/** `train-set` → `TRAIN_SET`: the variable suffix of a port id. */
export function portEnvName(portId: string): string {
  return portId.toUpperCase().replace(/-/g, '_');
}

export interface NodeEnvSpec {
  params: Record<string, unknown>;
  inputs: Record<string, string[]>;
  outputs: Record<string, string>;
  metricsFile?: string;
  baseDir?: string;
}

/** The variables a node process receives. A multi-edge input lists its paths separated by the OS path delimiter. */
export function nodeEnv(spec: NodeEnvSpec): Record<string, string> {
  const env: Record<string, string> = { PIPEWRIGHT_PARAMS: JSON.stringify(spec.params) };
  for (const [port, paths] of Object.entries(spec.inputs)) env[`PIPEWRIGHT_INPUT_${portEnvName(port)}`] = paths.join(delimiter);
  for (const [port, path] of Object.entries(spec.outputs)) env[`PIPEWRIGHT_OUTPUT_${portEnvName(port)}`] = path;
  if (spec.metricsFile) env['PIPEWRIGHT_METRICS'] = spec.metricsFile;
  if (spec.baseDir) env['PIPEWRIGHT_BASE_DIR'] = spec.baseDir;
  return env;
}

/** Reads the contract back from an environment, for the ports a node declares. */
export function readNodeEnv(
  env: NodeJS.ProcessEnv,
  ports: { inputs: readonly string[]; outputs: readonly string[] },
): NodeEnvSpec {
  const inputs: Record<string, string[]> = {};
  const outputs: Record<string, string> = {};
  for (const port of ports.inputs) {
    const value = env[`PIPEWRIGHT_INPUT_${portEnvName(port)}`];
    if (value) inputs[port] = value.split(delimiter);
  }
  for (const port of ports.outputs) {
    const value = env[`PIPEWRIGHT_OUTPUT_${portEnvName(port)}`];
    if (value) outputs[port] = value;
  }
  return {
    params: env['PIPEWRIGHT_PARAMS'] ? (JSON.parse(env['PIPEWRIGHT_PARAMS']) as Record<string, unknown>) : {},
    inputs,
    outputs,
    ...(env['PIPEWRIGHT_METRICS'] ? { metricsFile: env['PIPEWRIGHT_METRICS'] } : {}),
    ...(env['PIPEWRIGHT_BASE_DIR'] ? { baseDir: env['PIPEWRIGHT_BASE_DIR'] } : {}),
  };
}
