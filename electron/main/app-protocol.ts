// The app:// scheme: declared privileged before `ready`, then served from the built renderer with the desktop CSP.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { desktopContentSecurityPolicy } from './desktop-csp';
import { resolveRendererFile } from './renderer-files';

/**
 * Must run before `app` is ready. `standard` gives real origins and relative URLs, `secure` makes it a secure
 * context like https, `supportFetchAPI` and `corsEnabled` let the page fetch its own files and load Vite's
 * `<script type="module" crossorigin>` (same-origin; we never send Access-Control-Allow-Origin, so no other origin
 * can read them). `bypassCSP` stays off: the CSP applies to app:// like to any page.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/**
 * Serves `rendererRoot` on app://pipewright/. The CSP goes on every response right here: Chromium does not run
 * `webRequest.onHeadersReceived` for custom schemes, so a header hook would never see these responses.
 */
export function serveAppScheme(session: Session, rendererRoot: string): void {
  const csp = desktopContentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const readable = url.host === APP_HOST && (request.method === 'GET' || request.method === 'HEAD');
    const file = readable ? resolveRendererFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(new Uint8Array(await readFile(file.path)), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    });
  });
}
