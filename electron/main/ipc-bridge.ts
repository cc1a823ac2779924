// The API over Electron IPC: one invoke channel to `engine.dispatch`, one event channel for subscribed topics.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Engine } from '../../engine/app';
import { isCommandName, type ApiResult } from '../../shared/api/index';
import { IPC_EVENT, IPC_INVOKE, isEventAction } from './ipc-channels';
import { senderRefusal } from './sender-check';
import { isTopicName } from './topics';

/** The slice of `ipcMain` the bridge uses (tests pass an EventEmitter-based stand-in). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  engine: Pick<Engine, 'dispatch' | 'ctx'>;
  /** True for the web contents of the app window; messages from anything else are refused. */
  isAppContents(contents: WebContents): boolean;
  /** Sees every command the window ran, with its result (File › Export… uses it to know the open pipeline). */
  onInvoked?(name: string, args: unknown, result: ApiResult): void;
  /** Where refused messages are reported; defaults to console.warn. */
  warn?(message: string): void;
}

/** Registers both channels; the returned function removes them and drops every subscription. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, engine, isAppContents } = options;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  /** Per window contents: topic → unsubscribe from the engine's event bus. */
  const subscriptions = new Map<WebContents, Map<string, () => void>>();

  ipcMain.handle(IPC_INVOKE, async (event, name, args) => {
    const refusal = senderRefusal(event, isAppContents);
    if (refusal) {
      warn(`pipewright: refused an IPC command: ${refusal}`);
      throw new Error('pipewright: IPC refused');
    }
    if (typeof name !== 'string' || !isCommandName(name)) {
      return { ok: false, error: { code: 'unknown_command', message: `unknown command ${JSON.stringify(name)}` } };
    }
    const result = await engine.dispatch(name, args);
    options.onInvoked?.(name, args, result);
    return result;
  });

  const onEventMessage = (event: IpcMainEvent, action: unknown, topic: unknown) => {
    const refusal = senderRefusal(event, isAppContents);
    if (refusal) return warn(`pipewright: refused an IPC subscription: ${refusal}`);
    if (!isEventAction(action) || !isTopicName(topic)) {
      return warn(`pipewright: ignored an event-channel message (${JSON.stringify(action)}, ${JSON.stringify(topic)})`);
    }
    const contents = event.sender;
    let topics = subscriptions.get(contents);
    if (action === 'unsubscribe') {
      topics?.get(topic)?.();
      topics?.delete(topic);
      return;
    }
    if (!topics) {
      subscriptions.set(contents, (topics = new Map()));
      contents.once('destroyed', () => dropAll(contents));
    }
    // A reloaded page subscribes again; one engine subscription per topic keeps every event delivered once.
    if (topics.has(topic)) return;
    topics.set(
      topic,
      engine.ctx.events.subscribe(topic, (payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT, topic, payload);
      }),
    );
  };
  ipcMain.on(IPC_EVENT, onEventMessage as (event: IpcMainEvent, ...args: unknown[]) => void);

  function dropAll(contents: WebContents): void {
    for (const unsubscribe of subscriptions.get(contents)?.values() ?? []) unsubscribe();
    subscriptions.delete(contents);
  }

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeListener(IPC_EVENT, onEventMessage as (event: IpcMainEvent, ...args: unknown[]) => void);
    for (const contents of [...subscriptions.keys()]) dropAll(contents);
  };
}
