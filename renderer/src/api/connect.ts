// Picks the API transport at start-up: the Electron preload bridge when present, else the local WebSocket server.
import { createApiClient, type ApiClient, type RawChannel } from '../../../shared/api/channel';
import { API_SOCKET_PATH } from '../../../shared/api/ws-protocol';
import { createWebSocketChannel, type ConnectionStatus } from '../../../shared/api/ws-channel';

declare global {
  interface Window {
    /** Exposed by the Electron preload script (and nothing else is). */
    pipewright?: RawChannel;
  }
}

/** Connects to whichever host serves this page; `onStatus` reports WebSocket drops and reconnects. */
export function connectApi(onStatus: (status: ConnectionStatus) => void): ApiClient {
  if (window.pipewright) {
    queueMicrotask(() => onStatus('open'));
    return createApiClient(window.pipewright);
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}${API_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  return createApiClient(createWebSocketChannel({ url, createSocket: (u) => new WebSocket(u), onStatus }));
}
