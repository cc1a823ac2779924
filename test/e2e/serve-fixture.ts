// Playwright fixture: a real `pipewright serve --port 0` on a temp PIPEWRIGHT_HOME, and a page opened at its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

const CLI = fileURLToPath(new URL('../../bin/pipewright', import.meta.url));

export interface Served {
  url: string;
  port: number;
  home: string;
  /** Stops the server (like quitting the app) and starts it again on the same home; returns the new URL. */
  restart(): Promise<string>;
}

/** Starts `pipewright serve` and resolves once it printed its one URL line. */
export function startServe(home: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, PIPEWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Pipewright UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`pipewright serve exited with ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ served: Served }>({
  // Playwright requires a destructuring pattern for the fixtures argument, even when none are used.
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'pipewright-e2e-'));
    let current = await startServe(home);
    const served: Served = {
      home,
      get url() {
        return current.url;
      },
      get port() {
        return Number(new URL(current.url).port);
      },
      async restart() {
        await stop(current.child);
        current = await startServe(home);
        return current.url;
      },
    };
    await use(served);
    await stop(current.child);
    rmSync(home, { recursive: true, force: true });
  },
});

export { expect };
