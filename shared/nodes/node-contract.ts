// Names in the node-process contract (DESIGN §4) that the runner, `run-node` and every exporter must agree on.
import type { ArtifactType } from '../pipeline/pipeline.schema';

/** `train-set` → `TRAIN_SET`: the variable suffix of a port id or pipeline parameter name. */
export function portEnvName(portId: string): string {
  return portId.toUpperCase().replace(/-/g, '_');
}

/** `PIPEWRIGHT_INPUT_<PORT>`: path(s) of an input artifact. */
export function inputEnvName(port: string): string {
  return `PIPEWRIGHT_INPUT_${portEnvName(port)}`;
}

/** `PIPEWRIGHT_OUTPUT_<PORT>`: path an output artifact must be written to. */
export function outputEnvName(port: string): string {
  return `PIPEWRIGHT_OUTPUT_${portEnvName(port)}`;
}

/** `PIPEWRIGHT_PARAM_<NAME>`: the raw value of a pipeline parameter in an exported job (see run-time-refs.ts). */
export function parameterEnvName(name: string): string {
  return `PIPEWRIGHT_PARAM_${portEnvName(name)}`;
}

/** Quotes a value for /bin/sh (paths with spaces must survive `{{inputs.x}}` substitution). */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** File name of an output artifact: datasets are `<port>.csv`, metrics `<port>.json`, models and the rest bare (often folders). */
export function artifactFileName(port: string, type: ArtifactType): string {
  return `${port}${type === 'dataset' ? '.csv' : type === 'metrics' ? '.json' : ''}`;
}
