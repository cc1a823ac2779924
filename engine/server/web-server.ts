// `pipewright serve`: the UI and the API on 127.0.0.1 only, behind the per-session token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { API_SOCKET_PATH } from '../../shared/api/ws-protocol';
import type { Engine } from '../app';
import { fromAppRoot } from '../app-root';
import { serveApiSocket } from './api-socket';
import { checkRequest, newSessionToken, SESSION_COOKIE } from './session-guard';
import { serveStatic } from './static-files';

/** Extra HTTP routes (e.g. artifact downloads) added by later features; return true when handled. */
export type HttpRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface WebServerOptions {
  engine: Engine;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built renderer; defaults to out/renderer in the package. */
  staticDir?: string;
  token?: string;
  routes?: HttpRoute[];
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newSessionToken();
  const staticDir = options.staticDir ?? fromAppRoot('out', 'renderer');
  let port = 0;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });

  const server = createServer(async (request, response) => {
    const verdict = checkRequest(request, token, port);
    if (!verdict.ok) return reject(response, verdict.status, verdict.reason);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (verdict.tokenFromQuery) {
      response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    try {
      for (const route of options.routes ?? []) if (await route(request, response, url)) return;
    } catch (error) {
      return reject(response, 500, (error as Error).message);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return reject(response, 405, 'method not allowed');
    if (!serveStatic(staticDir, url.pathname, response, port)) {
      reject(response, 503, `the UI is not built (no ${staticDir}/index.html): run "npm run build"`);
    }
  });

  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(request, token, port);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!verdict.ok || path !== API_SOCKET_PATH) {
      const status = verdict.ok ? '404 Not Found' : verdict.status === 401 ? '401 Unauthorized' : '403 Forbidden';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveApiSocket(ws, options.engine));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reject(response: ServerResponse, status: number, reason: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${reason}\n`);
}
