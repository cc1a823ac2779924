// deploy.register, deploy.serve and deploy.package on a real model, with a real registry and a real server process.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../engine/store/database';
import { DeploymentsRepo } from '../../../engine/store/deployments.repo';
import { ModelsRepo } from '../../../engine/store/models.repo';
import { stopAllDeployments } from '../../support/deployments';
import { tempDir } from '../../support/temp-home';
import { irisSplit, readCsv, readJson, runNodeType } from './node-harness';

let home: string;
beforeEach(() => {
  home = tempDir('pipewright-home-');
  vi.stubEnv('PIPEWRIGHT_HOME', home);
});
afterEach(async () => {
  await stopAllDeployments(home);
  vi.unstubAllEnvs();
});

function withDb<T>(work: (repos: { models: ModelsRepo; deployments: DeploymentsRepo }) => T): T {
  const db = openDatabase(join(home, 'pipewright.db'));
  try {
    return work({ models: new ModelsRepo(db), deployments: new DeploymentsRepo(db) });
  } finally {
    db.close();
  }
}

async function trainedIris() {
  const { train, test } = await irisSplit();
  const trained = await runNodeType('train.knn', { inputs: { dataset: train }, outputs: ['model'] });
  const evaluated = await runNodeType('evaluate.classification', { inputs: { model: trained.out['model']!, dataset: test }, outputs: ['metrics', 'predictions'] });
  return { model: trained.out['model']!, metrics: evaluated.out['metrics']!, predictions: evaluated.out['predictions']!, test };
}

const RUN = { runId: 'run-1', nodeId: 'register', pipelineName: 'iris classifier', pipelineRevision: 4 };

describe('deploy.register', () => {
  it('adds numbered versions with lineage, params and metrics, and moves the alias', async () => {
    const { model, metrics } = await trainedIris();
    const first = await runNodeType('deploy.register', { params: { alias: 'production' }, inputs: { model, metrics }, outputs: ['model'], run: RUN });
    expect(first).toMatchObject({ exitCode: 0, metrics: { model_version: 1 } });
    const second = await runNodeType('deploy.register', { params: { alias: 'production' }, inputs: { model }, outputs: ['model'], run: { ...RUN, runId: 'run-2' } });
    expect(second.metrics['model_version']).toBe(2);
    expect(readJson(join(second.out['model']!, 'registration.json'))).toEqual({ name: 'iris classifier', version: 2 });

    const [v2, v1] = withDb(({ models }) => models.versions('iris classifier'));
    expect(v2).toMatchObject({ version: 2, aliases: ['production'], metrics: {} });
    expect(v1).toMatchObject({
      version: 1,
      aliases: [],
      algorithm: 'knn',
      task: 'classification',
      target: 'species',
      lineage: { runId: 'run-1', nodeId: 'register', pipelineName: 'iris classifier', pipelineRevision: 4 },
    });
    expect(v1!.metrics['accuracy']).toBeGreaterThan(0.9);
    expect(v1!.params).toMatchObject({ k: 5, target: 'species' });
    expect(v1!.lineage.dataHashes['training']).toMatch(/^[0-9a-f]{64}$/);
    expect(v1!.lineage.dataHashes['evaluation']).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(v1!.artifactPath, 'model.json'))).toBe(true);
    expect(v1!.artifactPath.startsWith(join(home, 'models'))).toBe(true);
  });
});

describe('deploy.serve', () => {
  it('serves the model: POST /predict answers what offline evaluation predicted; /health and /metrics report', async () => {
    const { model, predictions, test } = await trainedIris();
    const served = await runNodeType('deploy.serve', { params: { name: 'iris' }, inputs: { model }, outputs: ['endpoint'], run: RUN });
    expect(served.exitCode).toBe(0);
    const endpoint = readJson<{ url: string; predictUrl: string; deploymentId: string; pid: number }>(served.out['endpoint']!);
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const header = readCsv(test)[0]!;
    const rows = readCsv(test).slice(1).map((r) => Object.fromEntries(header.slice(0, 4).map((h, i) => [h, Number(r[i])])));
    const response = await fetch(endpoint.predictUrl, { method: 'POST', body: JSON.stringify(rows) });
    const body = (await response.json()) as { predictions: string[]; probabilities: Record<string, number>[] };
    expect(body.predictions).toEqual(readCsv(predictions).slice(1).map((r) => r[5]));
    expect(Object.keys(body.probabilities[0]!)).toEqual(['setosa', 'versicolor', 'virginica']);

    const bad = await fetch(endpoint.predictUrl, { method: 'POST', body: JSON.stringify([{ ...rows[0], petal_width_cm: 'wide' }]) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'feature column "petal_width_cm" row 1 of the request: "wide" is not a number (the model expects a number)' });
    expect((await fetch(`${endpoint.url}/health`).then((r) => r.json())) as object).toMatchObject({ status: 'ok', deploymentId: endpoint.deploymentId });
    const metrics = (await fetch(`${endpoint.url}/metrics`).then((r) => r.json())) as { predictRequests: number; errors: number; rowsPredicted: number; latencyMs: Record<string, number>; memory: { rssBytes: number } };
    expect(metrics).toMatchObject({ predictRequests: 2, errors: 1, rowsPredicted: rows.length });
    expect(metrics.latencyMs['p50']).toBeGreaterThan(0);
    expect(metrics.latencyMs['p99']).toBeGreaterThanOrEqual(metrics.latencyMs['p95']!);
    expect(metrics.memory.rssBytes).toBeGreaterThan(1_000_000);

    const [record] = withDb(({ deployments }) => deployments.list());
    expect(record).toMatchObject({ id: endpoint.deploymentId, name: 'iris', status: 'running', pid: endpoint.pid, runId: 'run-1' });
  });

  it('a re-run replaces the server of the same name; the old process is gone', async () => {
    const { model } = await trainedIris();
    const first = readJson<{ pid: number; url: string }>((await runNodeType('deploy.serve', { params: { name: 'x' }, inputs: { model }, outputs: ['endpoint'] })).out['endpoint']!);
    const second = readJson<{ pid: number; url: string }>((await runNodeType('deploy.serve', { params: { name: 'x' }, inputs: { model }, outputs: ['endpoint'] })).out['endpoint']!);
    expect(second.pid).not.toBe(first.pid);
    expect(() => process.kill(first.pid, 0)).toThrow();
    expect(withDb(({ deployments }) => deployments.list().map((d) => d.status))).toEqual(['running', 'stopped']);
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
  });

  it('reports a port already taken as a one-line error', async () => {
    const { model } = await trainedIris();
    const first = readJson<{ port: number }>((await runNodeType('deploy.serve', { params: { name: 'a' }, inputs: { model }, outputs: ['endpoint'] })).out['endpoint']!);
    const clash = await runNodeType('deploy.serve', { params: { name: 'b', port: first.port }, inputs: { model }, outputs: ['endpoint'] });
    expect(clash.exitCode).toBe(1);
    expect(clash.error).toMatch(new RegExp(`^the prediction server exited \\(code 1\\) before it was ready: cannot listen on 127\\.0\\.0\\.1:${first.port}: listen EADDRINUSE`));
  });
});

describe('deploy.package', () => {
  it('writes the model, a Dockerfile and a Deployment + Service', async () => {
    const { model } = await trainedIris();
    const registered = await runNodeType('deploy.register', { params: { name: 'Iris Classifier' }, inputs: { model }, outputs: ['model'] });
    const run = await runNodeType('deploy.package', { params: { replicas: 2 }, inputs: { model: registered.out['model']! }, outputs: ['package'] });
    const dir = run.out['package']!;
    expect(existsSync(join(dir, 'model', 'model.json'))).toBe(true);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM pipewright-runner:latest');
    expect(dockerfile).toContain('ENTRYPOINT ["pipewright", "serve-model", "/model", "--host", "0.0.0.0", "--port", "8080", "--name", "iris-classifier"]');
    interface Manifest {
      kind: string;
      spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { containers: unknown[] } } };
    }
    const [deployment, service] = parseAllDocuments(readFileSync(join(dir, 'kubernetes.yaml'), 'utf8')).map((d) => d.toJS() as Manifest);
    expect(deployment).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'iris-classifier' }, spec: { replicas: 2 } });
    expect(deployment!.spec.template.spec.containers[0]).toMatchObject({ image: 'pipewright-model-iris-classifier:latest', ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { path: '/health', port: 8080 } } });
    expect(deployment!.spec.template.metadata.labels['pipewright.dev/model-version']).toBe('1');
    expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service', spec: { selector: deployment!.spec.selector.matchLabels, ports: [{ port: 80, targetPort: 8080 }] } });
  });

  it('writes a KServe InferenceService when asked', async () => {
    const { model } = await trainedIris();
    const run = await runNodeType('deploy.package', { params: { target: 'kserve', name: 'iris', image: 'registry.local/iris:1' }, inputs: { model }, outputs: ['package'] });
    const [service] = parseAllDocuments(readFileSync(join(run.out['package']!, 'inference-service.yaml'), 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
    expect(service).toMatchObject({ apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', metadata: { name: 'iris' }, spec: { predictor: { containers: [{ name: 'kserve-container', image: 'registry.local/iris:1' }] } } });
  });
});
