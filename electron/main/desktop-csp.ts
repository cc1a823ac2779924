// The Content-Security-Policy of the desktop window: the web server's policy, minus its WebSocket connect-src.
import { contentSecurityPolicy } from '../../engine/server/static-files';

/**
 * Derived from `contentSecurityPolicy` (engine/server/static-files.ts) so both hosts stay in line; the desktop API
 * travels over IPC, so `connect-src` allows only the app's own origin and no ws:// at all.
 */
export function desktopContentSecurityPolicy(): string {
  return contentSecurityPolicy(0)
    .split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? "connect-src 'self'" : directive))
    .join('; ');
}
