// The prediction server behind deploy.serve and `pipewright serve-model`: POST /predict, GET /health, GET /metrics
// (plus KServe's v1 predict route, so the same image works under a KServe InferenceService).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NodeError } from '../nodes/node-implementation';
import type { Predictor } from '../ml/model-artifact';
import { objectRows } from '../ml/row-source';
import type { RawValue } from '../ml/values';
import { LatencyWindow } from './latency-window';

export interface ModelServerOptions {
  predictor: Predictor;
  /** Shown by /health; also how `deployments stop` recognises its process. */
  deploymentId: string;
  /** Name under /v1/models/<name>:predict. */
  modelName: string;
  /** Loopback binding checks the Host header (no DNS rebinding from web pages); container binding does not. */
  loopbackOnly: boolean;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Counters behind GET /metrics. */
interface ServerStats {
  requests: number;
  predictRequests: number;
  errors: number;
  rowsPredicted: number;
  latency: LatencyWindow;
  started: number;
}

export function createModelServer(options: ModelServerOptions): Server {
  const stats: ServerStats = { requests: 0, predictRequests: 0, errors: 0, rowsPredicted: 0, latency: new LatencyWindow(), started: Date.now() };
  return createServer((req, res) => {
    stats.requests++;
    const started = performance.now();
    handle(req, options, stats)
      .then((body) => send(res, 200, body))
      .catch((error: unknown) => {
        stats.errors++;
        const status = error instanceof HttpError ? error.status : error instanceof NodeError ? 400 : 500;
        send(res, status, { error: (error as Error).message });
      })
      .finally(() => {
        if (isPredict(req)) stats.latency.record(performance.now() - started);
      });
  });
}

function isPredict(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url === '/predict' || /^\/v1\/models\/[^/]+:predict$/.test(req.url ?? ''));
}

async function handle(req: IncomingMessage, options: ModelServerOptions, stats: ServerStats): Promise<unknown> {
  if (options.loopbackOnly && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(req.headers.host ?? '')) {
    throw new HttpError(403, 'this server only answers requests addressed to 127.0.0.1 or localhost');
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const artifact = options.predictor.artifact;
  if (req.method === 'GET' && url.pathname === '/health') {
    return { status: 'ok', deploymentId: options.deploymentId, model: { name: options.modelName, algorithm: artifact.algorithm, task: artifact.task, target: artifact.target }, uptimeSeconds: (Date.now() - stats.started) / 1000 };
  }
  if (req.method === 'GET' && url.pathname === '/metrics') return metricsBody(stats);
  if (req.method === 'POST' && url.pathname === '/predict') {
    const rows = toRows(await readJson(req), 'rows');
    stats.predictRequests++;
    return predict(options.predictor, rows, stats);
  }
  const kserve = /^\/v1\/models\/([^/]+):predict$/.exec(url.pathname);
  if (req.method === 'POST' && kserve) {
    if (decodeURIComponent(kserve[1]!) !== options.modelName) throw new HttpError(404, `no model named "${kserve[1]}" here (this server serves "${options.modelName}")`);
    const body = await readJson(req);
    stats.predictRequests++;
    const { predictions } = predict(options.predictor, toRows((body as { instances?: unknown }).instances, 'instances'), stats);
    return { predictions };
  }
  throw new HttpError(404, 'unknown route: use POST /predict, GET /health or GET /metrics');
}

function predict(predictor: Predictor, rows: Record<string, RawValue>[], stats: ServerStats) {
  const result = predictor.predict(objectRows(rows));
  stats.rowsPredicted += rows.length;
  const classes = predictor.artifact.classes;
  return {
    predictions: result.values,
    ...(result.probabilities && classes
      ? { probabilities: result.probabilities.map((p) => Object.fromEntries(classes.map((c, i) => [c, p[i]]))) }
      : {}),
  };
}

/** `[{…}, …]`, `{"rows": […]}` or a single row object → rows. */
function toRows(body: unknown, key: string): Record<string, RawValue>[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as Record<string, unknown>)[key]) ? (body as Record<string, unknown[]>)[key] : body && typeof body === 'object' && key === 'rows' ? [body] : undefined;
  if (!list) throw new HttpError(400, `send a JSON array of rows, or {"${key}": [rows]}`);
  list.forEach((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new HttpError(400, `row ${i + 1} of the request is not a JSON object of column → value`);
  });
  return list as Record<string, RawValue>[];
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `request body over ${MAX_BODY_BYTES / 1024 / 1024} MB; send fewer rows per request`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(new HttpError(400, `the request body is not valid JSON: ${(error as Error).message}`));
      }
    });
    req.on('error', reject);
  });
}

function metricsBody(stats: ServerStats) {
  const memory = process.memoryUsage();
  return {
    requests: stats.requests,
    predictRequests: stats.predictRequests,
    errors: stats.errors,
    rowsPredicted: stats.rowsPredicted,
    latencyMs: stats.latency.percentiles(),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    uptimeSeconds: (Date.now() - stats.started) / 1000,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
