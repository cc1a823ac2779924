// The node-process environment contract (DESIGN §4): PIPEWRIGHT_INPUT_<PORT>, _OUTPUT_<PORT>, _PARAMS, _METRICS.
import { delimiter } from 'node:path';
import { portEnvName } from '../../shared/nodes/node-contract';

export { portEnvName };

/** Where a node runs: set by the local runner (and by exports where the target has an equivalent). */
export interface NodeRunInfo {
  runId: string;
  nodeId: string;
  pipelineName: string;
  /** Stored pipeline revision, when the pipeline came from the database. */
  pipelineRevision?: number;
}

export interface NodeEnvSpec {
  params: Record<string, unknown>;
  inputs: Record<string, string[]>;
  outputs: Record<string, string>;
  metricsFile?: string;
  baseDir?: string;
  run?: NodeRunInfo;
}

/** The variables a node process receives. A multi-edge input lists its paths separated by the OS path delimiter. */
export function nodeEnv(spec: NodeEnvSpec): Record<string, string> {
  const env: Record<string, string> = { PIPEWRIGHT_PARAMS: JSON.stringify(spec.params) };
  for (const [port, paths] of Object.entries(spec.inputs)) env[`PIPEWRIGHT_INPUT_${portEnvName(port)}`] = paths.join(delimiter);
  for (const [port, path] of Object.entries(spec.outputs)) env[`PIPEWRIGHT_OUTPUT_${portEnvName(port)}`] = path;
  if (spec.metricsFile) env['PIPEWRIGHT_METRICS'] = spec.metricsFile;
  if (spec.baseDir) env['PIPEWRIGHT_BASE_DIR'] = spec.baseDir;
  if (spec.run) {
    env['PIPEWRIGHT_RUN_ID'] = spec.run.runId;
    env['PIPEWRIGHT_NODE_ID'] = spec.run.nodeId;
    env['PIPEWRIGHT_PIPELINE'] = spec.run.pipelineName;
    if (spec.run.pipelineRevision !== undefined) env['PIPEWRIGHT_PIPELINE_REVISION'] = String(spec.run.pipelineRevision);
  }
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
  const run: NodeRunInfo | undefined =
    env['PIPEWRIGHT_RUN_ID'] && env['PIPEWRIGHT_NODE_ID']
      ? {
          runId: env['PIPEWRIGHT_RUN_ID'],
          nodeId: env['PIPEWRIGHT_NODE_ID'],
          pipelineName: env['PIPEWRIGHT_PIPELINE'] ?? '',
          ...(env['PIPEWRIGHT_PIPELINE_REVISION'] ? { pipelineRevision: Number(env['PIPEWRIGHT_PIPELINE_REVISION']) } : {}),
        }
      : undefined;
  return {
    ...(run ? { run } : {}),
    params: env['PIPEWRIGHT_PARAMS'] ? (JSON.parse(env['PIPEWRIGHT_PARAMS']) as Record<string, unknown>) : {},
    inputs,
    outputs,
    ...(env['PIPEWRIGHT_METRICS'] ? { metricsFile: env['PIPEWRIGHT_METRICS'] } : {}),
    ...(env['PIPEWRIGHT_BASE_DIR'] ? { baseDir: env['PIPEWRIGHT_BASE_DIR'] } : {}),
  };
}
