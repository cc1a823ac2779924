// `deploy.package`: writes a container build context and Kubernetes (or KServe) manifests for the model.
import { z } from 'zod';
import { defineNodeType } from './node-type';

export const deployPackage = defineNodeType({
  id: 'deploy.package',
  version: 1,
  category: 'deploy',
  title: 'Package model',
  description:
    'Writes a folder with the model, a Dockerfile serving it with `pipewright serve-model`, and Kubernetes manifests: a ' +
    'Deployment and a Service, or a KServe InferenceService. Build it with `docker build`, apply it with `kubectl apply -f`.',
  icon: 'package',
  inputs: [{ id: 'model', type: 'model', label: 'Model' }],
  outputs: [{ id: 'package', type: 'any', label: 'Deployment package' }],
  runtime: 'builtin',
  builtOn: '`yaml` (the manifests); the image runs `pipewright serve-model`',
  params: () => z.object({
    name: z
      .string()
      .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$/, 'a Kubernetes name: lower-case letters, digits and "-"')
      .max(63)
      .default('')
      .describe('Name of the Kubernetes objects. Empty: derived from the model.'),
    image: z.string().default('').describe('Image name and tag to build. Empty: pipewright-model-<name>:latest.'),
    baseImage: z
      .string()
      .min(1)
      .default('pipewright-runner:latest')
      .describe('Image with the pipewright CLI (the runner image used by exports).'),
    target: z.enum(['kubernetes', 'kserve']).default('kubernetes').describe('kubernetes: Deployment + Service; kserve: an InferenceService.'),
    replicas: z.number().int().min(1).max(100).default(1).describe('Pods serving the model (Deployment) or minimum replicas (KServe).'),
    port: z.number().int().min(1).max(65535).default(8080).describe('Port the container listens on.'),
    cpu: z.string().regex(/^\d+(\.\d+)?m?$/).default('250m').describe('CPU request of a pod.'),
    memory: z.string().regex(/^\d+(\.\d+)?(Ki|Mi|Gi)?$/).default('256Mi').describe('Memory request and limit of a pod.'),
  }),
  example: { params: { name: 'example', target: 'kubernetes' } },
});
