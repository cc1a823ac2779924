// An in-process stand-in for Electron's IPC (ipcMain, ipcRenderer, one window's WebContents) for tests on plain Node.
// Like the real thing, every message is structured-cloned on the way, so no object is shared between the two sides.
import { EventEmitter } from 'node:events';
import type { IpcMainLike } from '../../electron/main/ipc-bridge';

type MainListener = (event: never, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export interface FakeIpc {
  ipcMain: IpcMainLike;
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    send(channel: string, ...args: unknown[]): void;
    on(channel: string, listener: RendererListener): void;
  };
  /** The window's web contents as the main process sees it. */
  contents: { mainFrame: { url: string }; send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean; once(name: 'destroyed', listener: () => void): void };
  /** The frame messages appear to come from; tests swap it to play a subframe, a navigated or a gone frame. */
  senderFrame: { url: string } | null;
  /** Closes the window: its contents emit 'destroyed'. */
  destroy(): void;
}

export function createFakeIpc(url = 'app://pipewright/index.html'): FakeIpc {
  const handlers = new Map<string, MainListener>();
  const mainEvents = new EventEmitter();
  const rendererEvents = new EventEmitter();
  const contentsEvents = new EventEmitter();
  let destroyed = false;

  const contents: FakeIpc['contents'] = {
    mainFrame: { url },
    send: (channel, ...args) => void rendererEvents.emit(channel, {}, ...structuredClone(args)),
    isDestroyed: () => destroyed,
    once: (name, listener) => void contentsEvents.once(name, listener),
  };
  const fake: FakeIpc = {
    contents,
    senderFrame: contents.mainFrame,
    ipcMain: {
      handle: (channel, listener) => void handlers.set(channel, listener as MainListener),
      removeHandler: (channel) => void handlers.delete(channel),
      on: (channel, listener) => mainEvents.on(channel, listener),
      removeListener: (channel, listener) => mainEvents.removeListener(channel, listener),
    },
    ipcRenderer: {
      async invoke(channel, ...args) {
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler(event() as never, ...structuredClone(args)));
      },
      send: (channel, ...args) => void mainEvents.emit(channel, event(), ...structuredClone(args)),
      on: (channel, listener) => void rendererEvents.on(channel, listener),
    },
    destroy() {
      destroyed = true;
      contentsEvents.emit('destroyed');
    },
  };
  const event = () => ({ sender: contents, senderFrame: fake.senderFrame });
  return fake;
}
