// RawChannel over a WebSocket: request ids, reconnect with backoff, re-subscribe after reconnect, status callbacks.
import type { RawChannel } from './channel';
import type { ApiResult } from './define';
import type { ClientMessage, ServerMessage } from './ws-protocol';

/** The part of the WebSocket API we use; browsers' WebSocket and the `ws` package both satisfy it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  // `never` parameters: we only assign handlers, and each host passes its own event type.
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
}

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface WebSocketChannelOptions {
  url: string;
  createSocket(url: string): WebSocketLike;
  onStatus?(status: ConnectionStatus): void;
  /** Milliseconds before the first reconnect attempt; doubles up to 5 s. */
  retryDelayMs?: number;
}

/** A channel that survives server restarts and network blips; calls made while offline wait for the reconnect. */
export function createWebSocketChannel(options: WebSocketChannelOptions): RawChannel & { close(): void } {
  const pending = new Map<number, (result: ApiResult) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const outbox: string[] = [];
  let socket: WebSocketLike | null = null;
  let nextId = 1;
  let delay = options.retryDelayMs ?? 200;
  let closed = false;

  const send = (message: ClientMessage) => {
    const text = JSON.stringify(message);
    if (socket && socket.readyState === 1) socket.send(text);
    else outbox.push(text);
  };

  const connect = () => {
    options.onStatus?.('connecting');
    const ws = options.createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      delay = options.retryDelayMs ?? 200;
      options.onStatus?.('open');
      for (const topic of listeners.keys()) ws.send(JSON.stringify({ t: 'subscribe', topic } satisfies ClientMessage));
      for (const text of outbox.splice(0)) ws.send(text);
    };
    ws.onmessage = (event: { data: unknown }) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.t === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const handler of listeners.get(message.topic) ?? []) handler(message.payload);
      }
    };
    ws.onerror = () => undefined; // onclose follows and handles it
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      options.onStatus?.('closed');
      // Calls in flight may or may not have run; fail them rather than guess, so the UI can retry knowingly.
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'the connection to Pipewright was lost; try again' } });
        pending.delete(id);
      }
      if (!closed) {
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 5000);
      }
    };
  };
  connect();

  return {
    invoke(name, args) {
      const id = nextId++;
      return new Promise<ApiResult>((resolve) => {
        pending.set(id, resolve);
        send({ t: 'invoke', id, name, args });
      });
    },
    subscribe(topic, handler) {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
        send({ t: 'subscribe', topic });
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size === 0) {
          listeners.delete(topic);
          send({ t: 'unsubscribe', topic });
        }
      };
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
