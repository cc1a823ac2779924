// Names of the two IPC channels and the renderer's event-channel messages (DESIGN §6: one invoke, one event channel).
// Important: electron/preload/index.ts repeats these strings (a sandboxed preload imports nothing of ours);
// test/electron/preload.test.ts checks that both sides agree.

/** Renderer → main, `ipcRenderer.invoke(IPC_INVOKE, name, args)`; answers an `ApiResult`. */
export const IPC_INVOKE = 'pipewright:invoke';
/** Renderer → main `(action, topic)` to subscribe or unsubscribe; main → renderer `(topic, payload)` for each event. */
export const IPC_EVENT = 'pipewright:event';

/** What the renderer may send on the event channel. */
export type EventAction = 'subscribe' | 'unsubscribe';

export function isEventAction(value: unknown): value is EventAction {
  return value === 'subscribe' || value === 'unsubscribe';
}
