// The one small channel every transport implements (call + listen, as VS Code's IPC), and the typed client over it.
import { ApiError, type ApiResult } from './define';
import type { ApiEvents, CommandInput, CommandName, CommandOutput, TopicName } from './index';

/** Untyped transport: Electron IPC, WebSocket and in-memory each implement exactly this. */
export interface RawChannel {
  invoke(name: string, args: unknown): Promise<ApiResult>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
}

/** The typed API the renderer and tests use; it cannot tell which transport is behind it. */
export interface ApiClient {
  invoke<K extends CommandName>(name: K, args: CommandInput<K>): Promise<CommandOutput<K>>;
  subscribe<T extends TopicName>(topic: T, handler: (payload: ApiEvents[T]) => void): () => void;
}

/** Wraps a raw channel: results become values, failures become thrown `ApiError`s. */
export function createApiClient(channel: RawChannel): ApiClient {
  return {
    async invoke(name, args) {
      const result = await channel.invoke(name, args);
      if (result.ok) return result.value as never;
      throw new ApiError(result.error.code, result.error.message, result.error.problems);
    },
    subscribe(topic, handler) {
      return channel.subscribe(topic, handler as (payload: unknown) => void);
    },
  };
}
