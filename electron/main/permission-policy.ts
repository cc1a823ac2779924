// Which web permissions the app window may use: none, except writing to the clipboard (the UI's "copy" buttons).
import { isAppUrl } from './app-origin';

/**
 * Every permission (camera, geolocation, notifications, HID, …) is denied. Writing to the clipboard is the one
 * exception: it leaks nothing and the UI copies commands and paths; reading the clipboard stays denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
