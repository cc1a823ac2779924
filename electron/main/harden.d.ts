import { type Session, type WebContents } from 'electron';
/** Locks down a session before any page loads in it. */
export declare function hardenSession(session: Session): void;
/** Applied to every web contents the app creates (via `app.on('web-contents-created')`). */
export declare function guardWebContents(contents: WebContents): void;
