// Session- and window-wide guards: no permissions, no remote requests, no new windows, no navigation, no <webview>.
import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isPermissionAllowed } from './permission-policy';
import { isAllowedDownloadUrl, isAllowedRequestUrl, isExternalUrlAllowed } from './url-policy';

/** Locks down a session before any page loads in it. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, `${requestingOrigin}/`));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`pipewright: blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.on('will-download', (event, item) => {
    if (!isAllowedDownloadUrl(item.getURL())) event.preventDefault();
  });
}

/** Applied to every web contents the app creates (via `app.on('web-contents-created')`). */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openInSystemBrowser(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
}

/** Hands http(s) links to the system browser; anything else (file:, custom schemes, javascript:) is dropped. */
function openInSystemBrowser(url: string): void {
  if (!isExternalUrlAllowed(url)) {
    console.warn(`pipewright: refused to open ${url}`);
    return;
  }
  // Reviewed for electronegativity's OPEN_EXTERNAL_JS_CHECK: only http(s) URLs without credentials reach this call.
  shell.openExternal(url).catch((error: Error) => console.warn(`pipewright: could not open ${url}: ${error.message}`)); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
