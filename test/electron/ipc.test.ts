// The Electron transport without Electron: the real preload and IPC bridge over an in-process IPC stand-in, on a real
// engine and SQLite file — the typed API works through it, and every malformed or foreign message is refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEngine, type Engine } from '../../engine/app';
import { IPC_EVENT, IPC_INVOKE } from '../../electron/main/ipc-channels';
import { registerIpcBridge } from '../../electron/main/ipc-bridge';
import { createApiClient, type RawChannel } from '../../shared/api/channel';
import { ApiError, type ApiResult } from '../../shared/api/index';
import { tempDir } from '../support/temp-home';
import { createFakeIpc, type FakeIpc } from './fake-ipc';

const electron = vi.hoisted(() => ({ current: undefined as FakeIpc | undefined, exposed: new Map<string, unknown>() }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => electron.current!.ipcRenderer.invoke(channel, ...args),
    send: (channel: string, ...args: unknown[]) => electron.current!.ipcRenderer.send(channel, ...args),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => electron.current!.ipcRenderer.on(channel, listener),
  },
}));

let ipc: FakeIpc;
let engine: Engine;
let dispose: () => void;
let warnings: string[];
let invoked: string[];

/** Loads the real preload (fresh module state) against the current fake IPC and returns what it exposed. */
async function loadPreload(): Promise<RawChannel> {
  vi.resetModules();
  electron.exposed.clear();
  await import('../../electron/preload/index');
  expect([...electron.exposed.keys()]).toEqual(['pipewright']);
  return electron.exposed.get('pipewright') as RawChannel;
}

beforeEach(() => {
  ipc = createFakeIpc();
  electron.current = ipc;
  engine = openEngine({ host: 'desktop', home: tempDir() });
  warnings = [];
  invoked = [];
  dispose = registerIpcBridge({
    ipcMain: ipc.ipcMain,
    engine,
    isAppContents: (contents) => contents === (ipc.contents as never),
    onInvoked: (name) => invoked.push(name),
    warn: (message) => warnings.push(message),
  });
});

afterEach(() => {
  dispose();
  engine.close();
});

describe('preload bridge', () => {
  it('exposes exactly invoke and subscribe', async () => {
    const channel = await loadPreload();
    expect(Object.keys(channel).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('runs typed commands through the bridge and the engine', async () => {
    const api = createApiClient(await loadPreload());
    expect(await api.invoke('app.info', {})).toMatchObject({ host: 'desktop' });
    const created = await api.invoke('pipeline.create', { name: 'churn' });
    expect((await api.invoke('pipeline.list', {})).map((p) => p.name)).toEqual(['churn']);
    await expect(api.invoke('pipeline.get', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.invoke('pipeline.create', { name: '' })).rejects.toBeInstanceOf(ApiError);
    expect(invoked).toEqual(['app.info', 'pipeline.create', 'pipeline.list', 'pipeline.get', 'pipeline.create']);
    expect(created.name).toBe('churn');
  });

  it('delivers subscribed events, once per handler, until unsubscribed', async () => {
    const api = createApiClient(await loadPreload());
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.subscribe('pipeline.changed', (event) => first.push(event.id));
    const stopSecond = api.subscribe('pipeline.changed', (event) => second.push(event.id));
    const { id } = await api.invoke('pipeline.create', { name: 'a' });
    expect(first).toEqual([id]);
    expect(second).toEqual([id]);
    stopFirst();
    await api.invoke('pipeline.rename', { id, name: 'b' });
    expect(first).toEqual([id]);
    expect(second).toEqual([id, id]);
    stopSecond();
    stopSecond(); // a second call is harmless
    await api.invoke('pipeline.delete', { id });
    expect(second).toEqual([id, id]);
  });

  it('keeps one subscription per topic in main when a reloaded page subscribes again', async () => {
    const beforeReload = await loadPreload();
    beforeReload.subscribe('pipeline.changed', () => undefined);
    const afterReload = await loadPreload();
    const events: unknown[] = [];
    afterReload.subscribe('pipeline.changed', (payload) => events.push(payload));
    await afterReload.invoke('pipeline.create', { name: 'x' });
    expect(events).toHaveLength(1);
  });

  it('isolates a throwing handler from the others', async () => {
    const channel = await loadPreload();
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    channel.subscribe('pipeline.changed', () => {
      throw new Error('boom');
    });
    channel.subscribe('pipeline.changed', (payload) => seen.push(payload));
    await channel.invoke('pipeline.create', { name: 'y' });
    expect(seen).toHaveLength(1);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('rejects a subscribe call without a topic string or handler', async () => {
    const channel = await loadPreload();
    expect(() => channel.subscribe(42 as never, () => undefined)).toThrow(TypeError);
    expect(() => channel.subscribe('pipeline.changed', 'not a function' as never)).toThrow(TypeError);
  });
});

describe('IPC bridge checks', () => {
  const invoke = (name: unknown, args: unknown = {}) => ipc.ipcRenderer.invoke(IPC_INVOKE, name, args) as Promise<ApiResult>;

  it('answers unknown or non-string command names without running anything', async () => {
    for (const name of ['pipeline.explode', 'toString', '__proto__', 42, null, { name: 'app.info' }]) {
      expect(await invoke(name)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    }
    expect(invoked).toEqual([]);
  });

  it('lets dispatch validate arguments', async () => {
    expect(await invoke('pipeline.get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses commands from a subframe, a navigated frame, a gone frame or another window', async () => {
    for (const frame of [{ url: 'app://pipewright/embedded.html' }, null]) {
      ipc.senderFrame = frame;
      await expect(invoke('app.info')).rejects.toThrow('pipewright: IPC refused');
    }
    ipc.senderFrame = ipc.contents.mainFrame;
    ipc.contents.mainFrame.url = 'https://evil.example/';
    await expect(invoke('app.info')).rejects.toThrow('pipewright: IPC refused');
    expect(warnings).toHaveLength(3);
    expect(invoked).toEqual([]);
  });

  it('ignores event-channel messages with an unknown action or topic, or from a foreign frame', async () => {
    const delivered: unknown[] = [];
    ipc.ipcRenderer.on(IPC_EVENT, (_event, topic) => delivered.push(topic));
    ipc.ipcRenderer.send(IPC_EVENT, 'subscribe', 'run.secrets');
    ipc.ipcRenderer.send(IPC_EVENT, 'publish', 'pipeline.changed');
    ipc.ipcRenderer.send(IPC_EVENT, 'subscribe', { topic: 'pipeline.changed' });
    ipc.senderFrame = { url: 'app://pipewright/embedded.html' };
    ipc.ipcRenderer.send(IPC_EVENT, 'subscribe', 'pipeline.changed');
    await engine.dispatch('pipeline.create', { name: 'z' });
    expect(delivered).toEqual([]);
    expect(warnings).toHaveLength(4);
  });

  it('drops the window subscriptions when its contents are destroyed, and sends nothing after', async () => {
    const delivered: unknown[] = [];
    ipc.ipcRenderer.on(IPC_EVENT, (_event, topic) => delivered.push(topic));
    ipc.ipcRenderer.send(IPC_EVENT, 'subscribe', 'pipeline.changed');
    await engine.dispatch('pipeline.create', { name: 'one' });
    ipc.destroy();
    await engine.dispatch('pipeline.create', { name: 'two' });
    expect(delivered).toEqual(['pipeline.changed']);
  });

  it('removes both channels when disposed', async () => {
    dispose();
    await expect(invoke('app.info')).rejects.toThrow(/No handler/);
    dispose = () => undefined;
  });
});
