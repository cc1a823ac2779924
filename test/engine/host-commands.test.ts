// host.* commands: `unavailable` without a desktop host; with one, they answer through its dialogs and saveFile writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/channel';
import { ApiError } from '../../shared/api/index';
import { openEngine, type Engine } from '../../engine/app';
import type { HostDialogs } from '../../engine/api/host-dialogs';
import { createInMemoryChannel } from '../../engine/transports/in-memory';
import { tempDir } from '../support/temp-home';

let engine: Engine | undefined;
afterEach(() => engine?.close());

/** Scripted answers standing in for a person at Electron's dialogs, which cannot open here. */
function answering(answers: { file?: string | null; folder?: string | null; save?: string | null }, asked: unknown[]): HostDialogs {
  return {
    pickFile: async (options) => (asked.push(['file', options]), answers.file ?? null),
    pickFolder: async (options) => (asked.push(['folder', options]), answers.folder ?? null),
    chooseSavePath: async (options) => (asked.push(['save', options]), answers.save ?? null),
  };
}

describe('host commands', () => {
  it('are unavailable in the web mode, and app.info says so', async () => {
    engine = openEngine({ home: tempDir(), host: 'web' });
    const api = createApiClient(createInMemoryChannel(engine));
    expect((await api.invoke('app.info', {})).nativeDialogs).toBe(false);
    const error = await api.invoke('host.pickFile', { extensions: ['csv'] }).catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unavailable');
  });

  it('answer through the host dialogs; saveFile writes only when a path was chosen', async () => {
    const dir = tempDir();
    const asked: unknown[] = [];
    const target = join(dir, 'churn.pipeline.json');
    engine = openEngine({ home: join(dir, 'home'), host: 'desktop', hostDialogs: answering({ file: '/data/churn.csv', folder: dir, save: target }, asked) });
    const api = createApiClient(createInMemoryChannel(engine));
    expect((await api.invoke('app.info', {})).nativeDialogs).toBe(true);
    expect(await api.invoke('host.pickFile', { extensions: ['csv', 'tsv'], title: 'Choose path' })).toEqual({ path: '/data/churn.csv' });
    expect(await api.invoke('host.pickFolder', {})).toEqual({ path: dir });
    expect(await api.invoke('host.saveFile', { fileName: 'churn.pipeline.json', text: '{}\n' })).toEqual({ path: target });
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
    expect(asked).toEqual([
      ['file', { extensions: ['csv', 'tsv'], title: 'Choose path' }],
      ['folder', {}],
      ['save', { fileName: 'churn.pipeline.json' }],
    ]);
  });

  it('refuse a save name that is a path', async () => {
    engine = openEngine({ home: tempDir(), host: 'desktop', hostDialogs: answering({}, []) });
    const api = createApiClient(createInMemoryChannel(engine));
    const error = await api.invoke('host.saveFile', { fileName: '../etc/passwd', text: '' }).catch((e: ApiError) => e);
    expect((error as ApiError).code).toBe('invalid_input');
  });
});
