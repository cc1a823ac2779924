// `deploy.package`: writes the model, a Dockerfile and Kubernetes (or KServe) manifests into one folder.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { deployPackage } from '../../shared/nodes/deploy.package';
import { dockerfile, kserveManifest, kubernetesManifests, packageReadme, type PackageSpec } from '../deploy/package-files';
import { NodeError, type NodeImplementation } from './node-implementation';
import { readModelInput } from './model-input';
import { log } from './node-io';

type Params = z.output<typeof deployPackage.params>;

/** A Kubernetes object name derived from free text (lower-case, digits and "-", at most 63 characters). */
export function kubernetesName(text: string): string {
  const name = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name || 'model';
}

export const deployPackageNode: NodeImplementation = {
  async run(ctx) {
    const params = ctx.params as Params;
    const { dir: modelDir, artifact, registration, defaultName } = readModelInput(ctx);
    const out = ctx.outputs['package'];
    if (!out) throw new NodeError('output "package" has no path; pass --output package=<folder>');
    const name = params.name || kubernetesName(defaultName);
    const spec: PackageSpec = {
      name,
      image: params.image || `pipewright-model-${name}:latest`,
      baseImage: params.baseImage,
      replicas: params.replicas,
      port: params.port,
      cpu: params.cpu,
      memory: params.memory,
      artifact,
      ...(registration ? { version: registration.version } : {}),
    };
    mkdirSync(out, { recursive: true });
    cpSync(modelDir, join(out, 'model'), { recursive: true });
    writeFileSync(join(out, 'Dockerfile'), dockerfile(spec));
    const manifestFile = params.target === 'kserve' ? 'inference-service.yaml' : 'kubernetes.yaml';
    writeFileSync(join(out, manifestFile), params.target === 'kserve' ? kserveManifest(spec) : kubernetesManifests(spec));
    writeFileSync(join(out, 'README.md'), packageReadme(spec, manifestFile));
    log(`packaged "${name}" in ${out}: Dockerfile, ${manifestFile}, model/`);
    log(`build: docker build -t ${spec.image} ${out}    deploy: kubectl apply -f ${join(out, manifestFile)}`);
  },
};
