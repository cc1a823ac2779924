// Allow-lists for everything that leaves the app: links opened in the system browser and requests the session may make.
import { isAppUrl, parseUrl } from './app-origin';

/** Schemes `shell.openExternal` may receive; never file:, javascript:, custom handlers or anything that runs code. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:']);

/** True when a link may be handed to the system browser: http(s) with a host and without embedded credentials. */
export function isExternalUrlAllowed(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    EXTERNAL_SCHEMES.has(parsed.protocol) &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * True when the session may fetch `url`: the app's own files, blobs and data URLs the page made itself, and the
 * DevTools front-end (dev only, it is disabled when packaged). Everything else — http(s), ws, file — is cancelled,
 * so no remote content ever loads, whatever the CSP says.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return url.startsWith('devtools://');
}

/** True when a download may start: only files the app itself produced (the renderer's "save as" of an export). */
export function isAllowedDownloadUrl(url: string): boolean {
  return url.startsWith('data:') || (url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length)));
}
