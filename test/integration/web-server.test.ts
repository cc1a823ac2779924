// The local web server's front door: 127.0.0.1 only, token required, foreign Host/Origin refused, strict CSP.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openEngine, type Engine } from '../../engine/app';
import { startWebServer, type WebServer } from '../../engine/server/web-server';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function socketStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

describe('web server', () => {
  let engine: Engine;
  let server: WebServer;
  // One server for the suite, so its folders live until afterAll (not the per-test temp dirs).
  const dir = mkdtempSync(join(tmpdir(), 'pw-web-'));
  beforeAll(async () => {
    const staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pipewright</title>');
    writeFileSync(join(staticDir, 'assets', 'x.js'), 'export {};');
    engine = openEngine({ home: join(dir, 'home'), host: 'web' });
    server = await startWebServer({ engine, port: 0, staticDir });
  });
  afterAll(async () => {
    await server.close();
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a 127.0.0.1 URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the UI with the token, sets an HttpOnly cookie and a strict CSP', async () => {
    const res = await get(server.port, `/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect((await get(server.port, '/assets/x.js', { cookie })).status).toBe(200);
  });

  it('refuses requests without the token (401) and with a foreign Host or Origin (403)', async () => {
    expect((await get(server.port, '/')).status).toBe(401);
    expect((await get(server.port, '/?token=wrong')).status).toBe(401);
    expect((await get(server.port, `/?token=${server.token}`, { host: 'evil.example:80' })).status).toBe(403);
    expect((await get(server.port, `/?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('guards the API socket the same way', async () => {
    const base = `ws://127.0.0.1:${server.port}/api/socket`;
    expect(await socketStatus(base)).toBe(401);
    expect(await socketStatus(`${base}?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await socketStatus(`${base}?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` })).toBe(101);
  });

  it('closes a socket that sends a malformed message', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/socket?token=${server.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const code = await new Promise<number>((resolve) => {
      ws.on('close', (c) => resolve(c));
      ws.send('{"t":"invoke","id":"not-a-number"}');
    });
    expect(code).toBe(1008);
  });
});
