// Opens an engine on a temp home and an API client over a chosen transport, for the contract suite.
import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../shared/api/channel';
import { API_SOCKET_PATH } from '../../shared/api/ws-protocol';
import { createWebSocketChannel } from '../../shared/api/ws-channel';
import { openEngine, type Engine } from '../../engine/app';
import { startWebServer } from '../../engine/server/web-server';
import { createInMemoryChannel } from '../../engine/transports/in-memory';

export type TransportName = 'in-memory' | 'websocket';

export interface Connected {
  engine: Engine;
  api: ApiClient;
  close(): Promise<void>;
}

export async function connect(transport: TransportName, home: string): Promise<Connected> {
  const engine = openEngine({ home, host: 'test' });
  if (transport === 'in-memory') {
    return { engine, api: createApiClient(createInMemoryChannel(engine)), close: async () => engine.close() };
  }
  const server = await startWebServer({ engine, port: 0 });
  const channel = createWebSocketChannel({
    url: `ws://127.0.0.1:${server.port}${API_SOCKET_PATH}?token=${server.token}`,
    createSocket: (url) => new WebSocket(url) as never,
  });
  return {
    engine,
    api: createApiClient(channel),
    close: async () => {
      channel.close();
      await server.close();
      engine.close();
    },
  };
}
