// The API over WebSocket: one socket per browser tab, validated messages in, results and subscribed events out.
import type { WebSocket } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../shared/api/ws-protocol';
import type { Engine } from '../app';

/** Serves one connected client until it disconnects, then drops its subscriptions. */
export function serveApiSocket(socket: WebSocket, engine: Engine): void {
  const subscriptions = new Map<string, () => void>();
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on('message', async (data) => {
    let parsed;
    try {
      parsed = clientMessageSchema.safeParse(JSON.parse(data.toString()));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      socket.close(1008, 'malformed message');
      return;
    }
    const message = parsed.data;
    if (message.t === 'invoke') {
      send({ t: 'result', id: message.id, result: await engine.dispatch(message.name, message.args) });
    } else if (message.t === 'subscribe') {
      if (!subscriptions.has(message.topic)) {
        subscriptions.set(message.topic, engine.ctx.events.subscribe(message.topic, (payload) => send({ t: 'event', topic: message.topic, payload })));
      }
    } else {
      subscriptions.get(message.topic)?.();
      subscriptions.delete(message.topic);
    }
  });
  socket.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}
