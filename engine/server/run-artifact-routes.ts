// HTTP downloads for the web mode: run artifacts (files, and files inside folder artifacts) and whole node logs.
// Served behind the session guard like every route; paths are looked up in the store, never taken from the URL.
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { ApiError } from '../../shared/api/index';
import type { LogStream } from '../../shared/runs/run-status';
import type { Engine } from '../app';
import type { HttpRoute } from './web-server';

const ARTIFACT = /^\/api\/runs\/([^/]+)\/artifacts\/([^/]+)\/([^/]+)(?:\/(.+))?$/;
const LOG = /^\/api\/runs\/([^/]+)\/logs\/([^/]+)$/;
const STREAMS = new Set(['stdout', 'stderr', 'system']);

/** The routes `pipewright serve` adds: `/api/runs/<run>/artifacts/<node>/<port>[/<file in folder>]`, `/api/runs/<run>/logs/<node>`. */
export function runArtifactRoutes(engine: Engine): HttpRoute[] {
  return [
    async (request, response, url) => {
      if (request.method !== 'GET') return false;
      try {
        return serveArtifact(engine, response, url) || (await serveLog(engine, response, url));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_found') return notFound(response, error.message);
        throw error;
      }
    },
  ];
}

function serveArtifact(engine: Engine, response: ServerResponse, url: URL): boolean {
  const match = ARTIFACT.exec(url.pathname);
  if (!match) return false;
  const [runId, nodeId, port, inner] = match.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
  const artifact = engine.ctx.runner.runs.artifacts(runId!, nodeId).find((a) => a.port === port);
  if (!artifact) return notFound(response, `run ${runId} has no artifact ${nodeId}.${port}`);
  let file = artifact.path;
  let name = artifact.fileName;
  if (artifact.kind === 'directory') {
    if (!inner) return notFound(response, `${nodeId}.${port} is a folder: download its files by path`);
    file = normalize(join(artifact.path, inner));
    if (!file.startsWith(artifact.path + sep)) return notFound(response, 'no such file in the artifact');
    name = inner.split('/').pop()!;
  }
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return notFound(response, 'no such file in the artifact');
    size = stats.size;
  } catch {
    return notFound(response, `the artifact file is gone: ${file}`);
  }
  const inline = url.searchParams.get('inline') === '1';
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': size,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/["\\\r\n]/g, '_')}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
  });
  createReadStream(file).pipe(response);
  return true;
}

async function serveLog(engine: Engine, response: ServerResponse, url: URL): Promise<boolean> {
  const match = LOG.exec(url.pathname);
  if (!match) return false;
  const [runId, nodeId] = match.slice(1).map(decodeURIComponent) as [string, string];
  const stream = url.searchParams.get('stream');
  if (stream !== null && !STREAMS.has(stream)) return notFound(response, `unknown stream "${stream}"`);
  engine.ctx.runner.flush(runId);
  const detail = engine.ctx.runner.runs.get(runId);
  if (!detail.nodes.some((n) => n.nodeId === nodeId)) return notFound(response, `run ${runId} has no node ${nodeId}`);
  response.writeHead(200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Disposition': `attachment; filename="${runId}-${nodeId}${stream ? `-${stream}` : ''}.log"`,
    'X-Content-Type-Options': 'nosniff',
  });
  for (const block of engine.ctx.runner.logs.blocks(runId, nodeId, (stream ?? undefined) as LogStream | undefined)) {
    if (!response.write(block)) await once(response, 'drain');
  }
  response.end();
  return true;
}

function notFound(response: ServerResponse, reason: string): true {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${reason}\n`);
  return true;
}
