// Messages on the API WebSocket: the client invokes and subscribes, the server answers and pushes events.
import { z } from 'zod';
import type { ApiResult } from './define';

/** Path of the API socket; the session token goes in the `token` query parameter. */
export const API_SOCKET_PATH = '/api/socket';

/** Client → server, validated by the server before anything runs. */
export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invoke'), id: z.number().int().nonnegative(), name: z.string().max(100), args: z.unknown() }).strict(),
  z.object({ t: z.literal('subscribe'), topic: z.string().max(100) }).strict(),
  z.object({ t: z.literal('unsubscribe'), topic: z.string().max(100) }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Server → client. */
export type ServerMessage =
  | { t: 'result'; id: number; result: ApiResult }
  | { t: 'event'; topic: string; payload: unknown };
