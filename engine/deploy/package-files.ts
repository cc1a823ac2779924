// The files deploy.package writes: a Dockerfile serving the model with `pipewright serve-model`, Kubernetes
// Deployment + Service manifests, or a KServe InferenceService (YAML produced by the `yaml` library).
import { stringify } from 'yaml';
import type { ModelArtifact } from '../ml/model-artifact';

export interface PackageSpec {
  name: string;
  image: string;
  baseImage: string;
  replicas: number;
  port: number;
  cpu: string;
  memory: string;
  artifact: ModelArtifact;
  version?: number;
}

export function dockerfile(spec: PackageSpec): string {
  return [
    `# Serves the "${spec.name}" model (${spec.artifact.algorithm}, target "${spec.artifact.target}") with pipewright serve-model.`,
    `# Build: docker build -t ${spec.image} .`,
    `FROM ${spec.baseImage}`,
    'COPY model /model',
    `EXPOSE ${spec.port}`,
    'USER 1000',
    `HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:${spec.port}/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"`,
    `ENTRYPOINT ["pipewright", "serve-model", "/model", "--host", "0.0.0.0", "--port", "${spec.port}", "--name", "${spec.name}"]`,
    '',
  ].join('\n');
}

function labels(spec: PackageSpec): Record<string, string> {
  return {
    'app.kubernetes.io/name': spec.name,
    'app.kubernetes.io/component': 'model-server',
    'app.kubernetes.io/managed-by': 'pipewright',
    ...(spec.version ? { 'pipewright.dev/model-version': String(spec.version) } : {}),
  };
}

function container(spec: PackageSpec) {
  const probe = (path: string, delay: number) => ({ httpGet: { path, port: spec.port }, initialDelaySeconds: delay, periodSeconds: 10 });
  return {
    name: 'kserve-container',
    image: spec.image,
    ports: [{ containerPort: spec.port, protocol: 'TCP' }],
    resources: { requests: { cpu: spec.cpu, memory: spec.memory }, limits: { memory: spec.memory } },
    readinessProbe: probe('/health', 2),
    livenessProbe: probe('/health', 10),
  };
}

/** A Deployment and a ClusterIP Service, as one multi-document YAML file. */
export function kubernetesManifests(spec: PackageSpec): string {
  const selector = { 'app.kubernetes.io/name': spec.name };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, labels: labels(spec) },
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: selector },
      template: { metadata: { labels: labels(spec) }, spec: { containers: [{ ...container(spec), name: 'model-server' }] } },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.name, labels: labels(spec) },
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: 80, targetPort: spec.port, protocol: 'TCP' }] },
  };
  return `${stringify(deployment)}---\n${stringify(service)}`;
}

/** A KServe InferenceService with a custom predictor container (the server also answers /v1/models/<name>:predict). */
export function kserveManifest(spec: PackageSpec): string {
  return stringify({
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name: spec.name, labels: labels(spec) },
    spec: { predictor: { minReplicas: spec.replicas, containers: [container(spec)] } },
  });
}

export function packageReadme(spec: PackageSpec, manifestFile: string): string {
  const features = spec.artifact.features.map((f) => `- \`${f.name}\` (${f.kind})`).join('\n');
  return `# ${spec.name}

${spec.artifact.task} model (${spec.artifact.algorithm}) predicting \`${spec.artifact.target}\`${spec.version ? `, registry version ${spec.version}` : ''}.

    docker build -t ${spec.image} .
    kubectl apply -f ${manifestFile}

The image is based on \`${spec.baseImage}\` (an image with the \`pipewright\` CLI). It serves \`POST /predict\` (a JSON
array of rows), \`GET /health\` and \`GET /metrics\` on port ${spec.port}.

Input columns:

${features}
`;
}
