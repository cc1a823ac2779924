// The preload bridge: exposes window.pipewright = {invoke, subscribe} (the RawChannel of DESIGN §6) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { RawChannel } from '../../shared/api/channel';
import type { ApiResult } from '../../shared/api/define';

// Important: the same strings as electron/main/ipc-channels.ts (a sandboxed preload imports nothing of ours);
// test/electron/preload.test.ts checks that both sides agree.
const IPC_INVOKE = 'pipewright:invoke';
const IPC_EVENT = 'pipewright:event';

type Handler = (payload: unknown) => void;

/** Page handlers per topic; main is told to subscribe on a topic's first handler and to stop after its last. */
const handlers = new Map<string, Set<Handler>>();

ipcRenderer.on(IPC_EVENT, (_event, topic: string, payload: unknown) => {
  for (const handler of handlers.get(topic) ?? []) {
    try {
      handler(payload);
    } catch (error) {
      console.error(`pipewright: a handler of ${topic} failed:`, error);
    }
  }
});

const channel: RawChannel = {
  invoke: (name, args) => ipcRenderer.invoke(IPC_INVOKE, name, args) as Promise<ApiResult>,
  subscribe(topic, handler) {
    if (typeof topic !== 'string' || typeof handler !== 'function') {
      throw new TypeError('pipewright.subscribe(topic, handler) needs a topic string and a handler function');
    }
    let set = handlers.get(topic);
    if (!set) {
      handlers.set(topic, (set = new Set()));
      ipcRenderer.send(IPC_EVENT, 'subscribe', topic);
    }
    // A fresh wrapper per call: the same function subscribed twice gives two independent subscriptions.
    const own: Handler = (payload) => handler(payload);
    const topicHandlers = set;
    topicHandlers.add(own);
    return () => {
      if (!topicHandlers.delete(own) || topicHandlers.size > 0) return;
      handlers.delete(topic);
      ipcRenderer.send(IPC_EVENT, 'unsubscribe', topic);
    };
  },
};

contextBridge.exposeInMainWorld('pipewright', channel);
