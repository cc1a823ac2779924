// Progress of hashing large data: lines only once it takes a while, then every few seconds and at the end; the hashing
// functions report every byte they read, for files, folders and the content-addressed store, and stop when canceled.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../../engine/runner/artifact-store';
import { hashContent } from '../../../engine/runner/content-hash';
import { HashProgress } from '../../../engine/runner/hash-progress';
import { tempDir } from '../../support/temp-home';

const MiB = 1024 * 1024;
const text = { going: (bytes: string) => `hashing: ${bytes} so far…`, done: (bytes: string, took: string) => `hashed ${bytes} in ${took}` };

describe('HashProgress', () => {
  it('says nothing for hashing that ends within a second', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = new HashProgress(text, (line) => lines.push(line), () => clock);
    progress.count(100 * MiB);
    clock = 999;
    progress.count(100 * MiB);
    progress.done();
    expect(lines).toEqual([]);
  });

  it('says how far it got after a second, then every two seconds, and how it ended', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = new HashProgress(text, (line) => lines.push(line), () => clock);
    for (let step = 1; step <= 50; step++) {
      clock = step * 100;
      progress.count(10 * MiB);
    }
    progress.done();
    expect(lines).toEqual(['hashing: 100 MiB so far…', 'hashing: 300 MiB so far…', 'hashing: 500 MiB so far…', 'hashed 500 MiB in 5.0 s']);
  });

  it('says nothing at the end when nothing was hashed (every file was known)', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = new HashProgress(text, (line) => lines.push(line), () => clock);
    clock = 5000;
    progress.done();
    expect(lines).toEqual([]);
  });
});

describe('hashing stops when its signal is aborted (a cancel does not wait for a large output)', () => {
  it('of a file mid-way, and of a folder between files; the store keeps nothing of it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(16 * MiB));
    mkdirSync(join(dir, 'folder'));
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, 'folder', name), '');
    const stopping = (after: number) => {
      const aborter = new AbortController();
      let read = 0;
      const onBytes = (n: number) => {
        read += n;
        if (read >= after) aborter.abort(new Error('canceled'));
      };
      return { onBytes, signal: aborter.signal, read: () => read };
    };
    const file = stopping(MiB);
    await expect(hashContent(join(dir, 'big.bin'), file)).rejects.toThrow('canceled');
    expect(file.read()).toBeLessThan(4 * MiB);

    const aborted = new AbortController();
    aborted.abort(new Error('canceled'));
    await expect(hashContent(join(dir, 'folder'), { signal: aborted.signal })).rejects.toThrow('canceled');
    const store = new ArtifactStore(join(dir, 'cache'));
    await expect(store.put(join(dir, 'big.bin'), stopping(MiB))).rejects.toThrow('canceled');
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });
});

describe('hashing reports the bytes it reads', () => {
  it('of a file, of every file of a folder, and through the store', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.bin'), Buffer.alloc(3 * MiB + 5));
    mkdirSync(join(dir, 'folder', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'folder', 'a.txt'), 'abc');
    writeFileSync(join(dir, 'folder', 'nested', 'b.bin'), Buffer.alloc(MiB));
    const counted = async (hash: (onBytes: (n: number) => void) => Promise<unknown>) => {
      let total = 0;
      await hash((n) => (total += n));
      return total;
    };
    expect(await counted((onBytes) => hashContent(join(dir, 'one.bin'), { onBytes }))).toBe(3 * MiB + 5);
    expect(await counted((onBytes) => hashContent(join(dir, 'folder'), { onBytes }))).toBe(MiB + 3);
    const store = new ArtifactStore(join(dir, 'cache'));
    expect(await counted((onBytes) => store.put(join(dir, 'folder'), { onBytes }))).toBe(MiB + 3);
  });
});
