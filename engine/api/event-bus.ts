// In-process publish/subscribe for API events; transports forward topics to their clients.
import type { ApiEvents, TopicName } from '../../shared/api/index';

type Handler = (payload: unknown) => void;

/** Typed event bus; listeners that throw are isolated so one bad client cannot stop the others. */
export class EventBus {
  private readonly listeners = new Map<string, Set<Handler>>();

  publish<T extends TopicName>(topic: T, payload: ApiEvents[T]): void {
    for (const handler of this.listeners.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`pipewright: a listener of ${topic} failed:`, error);
      }
    }
  }

  /** Untyped on purpose: transports subscribe to topic names that arrive from clients. */
  subscribe(topic: string, handler: Handler): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }
}
