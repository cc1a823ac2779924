// The `model` input of deploy/evaluate-style nodes: the model folder, its model.json, and its registration if any.
import { readRegistration, type Registration } from '../deploy/registration';
import { readModel, type ModelArtifact } from '../ml/model-artifact';
import type { NodeRunContext } from './node-implementation';
import { inputPath } from './node-io';

export interface ModelInput {
  dir: string;
  artifact: ModelArtifact;
  /** Set when the model came out of deploy.register. */
  registration?: Registration;
  /** The name to use when the user gave none: registered name, else pipeline name, else `<algorithm>-<target>`. */
  defaultName: string;
}

export function readModelInput(ctx: NodeRunContext, port = 'model'): ModelInput {
  const dir = inputPath(ctx, port);
  const artifact = readModel(dir);
  const registration = readRegistration(dir);
  const defaultName = registration?.name ?? (ctx.run?.pipelineName || `${artifact.algorithm}-${artifact.target}`);
  return { dir, artifact, ...(registration ? { registration } : {}), defaultName };
}
