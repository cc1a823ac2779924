// Decides whether an IPC message came from the app's own page: our window, its main frame, on the app:// origin.
import { isAppUrl } from './app-origin';

/** The parts of an Electron IPC event the check reads (structural, so it is testable without Electron). */
export interface IpcSenderLike<Contents extends { mainFrame: unknown }> {
  sender: Contents;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  senderFrame: { url: string } | null;
}

/** Why a message must be refused, or null when it came from the app's main frame. */
export function senderRefusal<Contents extends { mainFrame: unknown }>(
  event: IpcSenderLike<Contents>,
  isAppContents: (contents: Contents) => boolean,
): string | null {
  if (!isAppContents(event.sender)) return 'it did not come from the Pipewright window';
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone (it navigated away or was destroyed)';
  if (frame !== event.sender.mainFrame) return 'it came from a subframe, not the main frame';
  if (!isAppUrl(frame.url)) return `the sending frame is not the app (${frame.url || 'no URL'})`;
  return null;
}
