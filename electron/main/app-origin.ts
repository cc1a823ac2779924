// The app's own origin: the privileged app:// scheme the renderer is served from, and the test for "is this ours".

/** Scheme registered as privileged before the app is ready (standard + secure, so it behaves like https). */
export const APP_SCHEME = 'app';
/** The single host under the scheme; a fixed host gives the renderer one stable origin for storage and CSP 'self'. */
export const APP_HOST = 'pipewright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a document or resource of the app itself (app://pipewright/…, no credentials, no port). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** `new URL` that answers null instead of throwing on garbage. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
