// The in-memory transport: the same RawChannel as IPC and WebSocket, with a JSON round trip so tests see exactly
// what crosses a real wire (no shared object references, no Dates or Maps sneaking through).
import type { RawChannel } from '../../shared/api/channel';
import type { Engine } from '../app';

export function createInMemoryChannel(engine: Engine): RawChannel {
  const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
  return {
    invoke: async (name, args) => wire(await engine.dispatch(name, wire(args))),
    subscribe: (topic, handler) => engine.ctx.events.subscribe(topic, (payload) => handler(wire(payload))),
  };
}
