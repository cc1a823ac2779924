// The web mode's front door: only 127.0.0.1/localhost Host and Origin headers, and the per-session token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Name of the cookie that carries the token after the first page load (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'pipewright_session';

/** A fresh unguessable token for this server session. */
export function newSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

/** Decides whether a request may proceed. Host/Origin failures are 403 (DNS rebinding, CSRF); a missing token is 401. */
export function checkRequest(request: IncomingMessage, token: string, port: number): GuardVerdict {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host ?? '';
  if (!hosts.has(host)) return { ok: false, status: 403, reason: `Host "${host}" is not allowed; use http://127.0.0.1:${port}/` };
  const origin = request.headers.origin;
  if (origin !== undefined && ![...hosts].some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Origin "${origin}" is not allowed` };
  }
  const url = new URL(request.url ?? '/', `http://${host}`);
  const fromQuery = url.searchParams.get('token');
  const candidates = [fromQuery, bearer(request), cookie(request, SESSION_COOKIE)];
  if (fromQuery !== null && sameToken(fromQuery, token)) return { ok: true, tokenFromQuery: true };
  if (candidates.slice(1).some((c) => c !== null && sameToken(c, token))) return { ok: true, tokenFromQuery: false };
  return { ok: false, status: 401, reason: 'missing or wrong session token: open the URL that `pipewright serve` printed' };
}

function sameToken(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
