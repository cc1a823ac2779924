// A renderer store wired to a real engine (temp SQLite home, in-memory transport), with one pipeline open.
import { afterEach } from 'vitest';
import { createAppStore, type AppStore } from '../../renderer/src/store/app-store';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import { tempDir } from '../support/temp-home';
import { connect, type Connected } from '../support/transports';

const open: { connected: Connected; store: AppStore }[] = [];
afterEach(async () => {
  // Let pending autosaves land before the engine closes.
  for (const { connected, store } of open.splice(0)) {
    await store.getState().flushSave();
    await connected.close();
  }
});

export interface Harness {
  store: AppStore;
  connected: Connected;
  /** The current document (asserting one is open). */
  doc(): Pipeline;
}

/** Creates a pipeline (optionally with `document`) and opens it in a fresh store. */
export async function openStore(document?: Partial<Pipeline>): Promise<Harness> {
  const connected = await connect('in-memory', tempDir());
  const record = await connected.api.invoke('pipeline.create', {
    name: 'test',
    ...(document ? { document: { schemaVersion: 1, name: 'test', parameters: [], nodes: [], edges: [], ...document } } : {}),
  });
  const store = createAppStore(connected.api);
  open.push({ connected, store });
  await store.getState().refreshPipelines();
  await store.getState().openPipeline(record.id);
  return {
    store,
    connected,
    doc: () => {
      const doc = store.getState().document;
      if (!doc) throw new Error('no document open');
      return doc;
    },
  };
}

/** A shell node at `x`, with optional declared ports. */
export function shellNode(id: string, x = 0, ports: { inputs?: string[]; outputs?: string[] } = {}) {
  return {
    id,
    type: 'script.shell',
    params: { command: `echo ${id}` },
    position: { x, y: 0 },
    ...(ports.inputs ? { inputs: ports.inputs.map((p) => ({ id: p, type: 'any' as const })) } : {}),
    ...(ports.outputs ? { outputs: ports.outputs.map((p) => ({ id: p, type: 'any' as const })) } : {}),
  };
}
