// Serves the built renderer (out/renderer) with a strict Content-Security-Policy and no path escapes.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files a renderer build contains (also used by the desktop app:// protocol). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The same policy the desktop shell sets: our own scripts only, no eval, no plugins, no framing. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow positions nodes with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Streams `urlPath` from `root`; unknown paths fall back to index.html (single-page app). Returns false if no UI build. */
export function serveStatic(root: string, urlPath: string, response: ServerResponse, port: number): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const requested = normalize(join(root, decodeURIComponent(urlPath)));
  const inside = requested.startsWith(root + sep) && existsSync(requested) && statSync(requested).isFile();
  const file = inside ? requested : index;
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file === index ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(response);
  return true;
}
