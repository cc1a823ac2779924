// A terminal that closes under a long command (its window, a dropped ssh connection: SIGHUP, then EIO on every
// write): `pipewright run` and `pipewright serve` stop their runs as Ctrl+C would — node processes killed, runs
// stored as canceled — and end by SIGHUP, not by an abort.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/channel';
import { API_SOCKET_PATH } from '../../shared/api/ws-protocol';
import { createWebSocketChannel } from '../../shared/api/ws-channel';
import { CLI, runCli } from '../support/run-cli';
import { openTerminal } from '../support/pty-terminal';
import { slowPipelineFile } from '../support/pipeline-files';
import { tempDir } from '../support/temp-home';
import { processesOfRun } from '../engine/runner/run-helpers';

function storedRuns(home: string): { id: string; status: string; counts: Record<string, number> }[] {
  return JSON.parse(runCli(['runs', '--json'], { home }).stdout) as { id: string; status: string; counts: Record<string, number> }[];
}

describe('a terminal that closes', () => {
  it('under `pipewright run`: the run is canceled and stored, its nodes stopped, the CLI ends by SIGHUP', async () => {
    // Before: Node's default for SIGHUP ended the CLI at once — the run stayed "running" and its node processes ran
    // on until another Pipewright process recovered it; with a handler but no care, the first write to the gone
    // terminal crashed it (EIO) and Node aborted at exit (SIGABRT) restoring the settings of that terminal.
    const home = tempDir();
    const terminal = openTerminal([process.execPath, CLI, 'run', slowPipelineFile()], { ...process.env, PIPEWRIGHT_HOME: home });
    await terminal.waitFor('begun');
    expect(await terminal.close()).toBe('signal 1');
    const [run] = storedRuns(home);
    expect(run).toMatchObject({ status: 'canceled', counts: { canceled: 2 } });
    expect(processesOfRun(run!.id)).toEqual([]);
  });

  it('under `pipewright serve`: its runs are stopped and stored as canceled, the server ends by SIGHUP', async () => {
    const home = tempDir();
    const terminal = openTerminal([process.execPath, CLI, 'serve', '--port', '0'], { ...process.env, PIPEWRIGHT_HOME: home });
    const url = new URL(/Pipewright UI: (\S+)/.exec(await terminal.waitFor(/Pipewright UI: \S+\r?\n/))![1]!);
    const channel = createWebSocketChannel({
      url: `ws://${url.host}${API_SOCKET_PATH}?token=${url.searchParams.get('token')}`,
      createSocket: (address) => new WebSocket(address) as never,
    });
    const api = createApiClient(channel);
    try {
      const pipeline = await api.invoke('pipeline.import', { text: readFileSync(slowPipelineFile(), 'utf8'), fileName: 'slow.pipeline.json' });
      const run = await api.invoke('run.start', { pipelineId: pipeline.id });
      for (let tries = 0; processesOfRun(run.id).length < 3 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
      expect(processesOfRun(run.id).length).toBeGreaterThanOrEqual(3);
      expect(await terminal.close()).toBe('signal 1');
      expect(storedRuns(home)).toEqual([expect.objectContaining({ id: run.id, status: 'canceled' })]);
      expect(processesOfRun(run.id)).toEqual([]);
    } finally {
      channel.close();
    }
  });
});
