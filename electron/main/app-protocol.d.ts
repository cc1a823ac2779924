import { type Session } from 'electron';
/**
 * Must run before `app` is ready. `standard` gives real origins and relative URLs, `secure` makes it a secure
 * context like https, `supportFetchAPI` and `corsEnabled` let the page fetch its own files and load Vite's
 * `<script type="module" crossorigin>` (same-origin; we never send Access-Control-Allow-Origin, so no other origin
 * can read them). `bypassCSP` stays off: the CSP applies to app:// like to any page.
 */
export declare function registerAppScheme(): void;
/**
 * Serves `rendererRoot` on app://pipewright/. The CSP goes on every response right here: Chromium does not run
 * `webRequest.onHeadersReceived` for custom schemes, so a header hook would never see these responses.
 */
export declare function serveAppScheme(session: Session, rendererRoot: string): void;
