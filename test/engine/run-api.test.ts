// run.* commands and the run.events topic over the in-memory and the WebSocket transport: start, live batches,
// resume after a seq, logs, artifacts and previews, re-run failed, cancel, refusals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/channel';
import type { Pipeline } from '../../shared/pipeline/pipeline.schema';
import type { RunEvent, RunEventBatch } from '../../shared/runs/run-events';
import { refusal } from '../support/api-refusal';
import { tempDir } from '../support/temp-home';
import { connect, type Connected, type TransportName } from '../support/transports';
import { edge, nodeScript, pipeline, shell } from './runner/run-helpers';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Collects run.events batches until the run finishes. */
function watch(api: ApiClient) {
  const batches: RunEventBatch[] = [];
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const stop = api.subscribe('run.events', (batch) => {
    batches.push(batch);
    if (batch.events.some((e) => e.type === 'run.finished')) resolve();
  });
  return { batches, finished, stop, events: (): RunEvent[] => batches.flatMap((b) => b.events) };
}

async function store(api: ApiClient, doc: Pipeline): Promise<string> {
  const created = await api.invoke('pipeline.create', { name: doc.name });
  await api.invoke('pipeline.save', { id: created.id, document: doc });
  return created.id;
}

describe.each<TransportName>(['in-memory', 'websocket'])('run API over %s', (transport) => {
  let c: Connected;
  beforeEach(async () => {
    c = await connect(transport, tempDir());
  });
  afterEach(async () => c.close());

  it('runs a stored pipeline and streams node states and logs in batches; the store has everything afterwards', async () => {
    const doc = pipeline(
      [
        shell('make', 'printf "name,score\\nada,3\\nbob,5\\n" > {{outputs.table}}; echo made', { outputs: [{ id: 'table', type: 'dataset' }] }),
        shell('use', 'wc -l < {{inputs.table}}; echo "{\\"rows\\": 2}" > {{outputs.summary}}; echo " [1, 2]" > {{outputs.profile}}', {
          inputs: [{ id: 'table', type: 'dataset' }],
          outputs: [
            { id: 'summary', type: 'metrics' },
            { id: 'profile', type: 'report' },
          ],
        }),
        shell('picture', `echo ${PNG} | base64 -d > {{outputs.plot}}; mkdir -p {{outputs.model}} && echo w > {{outputs.model}}/weights.txt`, {
          outputs: [
            { id: 'plot', type: 'report' },
            { id: 'model', type: 'model' },
          ],
        }),
      ],
      [edge('make.table', 'use.table')],
      'streamed',
    );
    const pipelineId = await store(c.api, doc);
    const live = watch(c.api);
    const started = await c.api.invoke('run.start', { pipelineId, options: { concurrency: 2 } });
    expect(started).toMatchObject({ pipelineName: 'streamed', pipelineId, pipelineRevision: 2, status: 'running', trigger: 'api' });
    await live.finished;
    live.stop();
    const events = live.events();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(live.batches.length).toBeLessThan(events.length);
    expect(events.filter((e) => e.type === 'node.log').map((e) => (e.type === 'node.log' ? e.text : ''))).toEqual(expect.arrayContaining(['made', '3']));

    const detail = await c.api.invoke('run.get', { runId: started.id });
    expect(detail).toMatchObject({ status: 'succeeded', counts: { succeeded: 3 }, lastSeq: events.at(-1)!.seq });
    expect(detail.nodes.map((n) => [n.nodeId, n.status])).toEqual([['make', 'succeeded'], ['use', 'succeeded'], ['picture', 'succeeded']]);
    expect(await c.api.invoke('run.list', { pipelineId })).toHaveLength(1);

    const resumed = await c.api.invoke('run.events', { runId: started.id, afterSeq: 5 });
    expect(resumed.events.map((e) => e.seq)).toEqual(events.filter((e) => e.seq > 5).map((e) => e.seq));
    expect(resumed.lastSeq).toBe(events.at(-1)!.seq);

    const page = await c.api.invoke('run.logs', { runId: started.id, nodeId: 'use', from: 0, count: 10 });
    expect(page).toEqual({ lines: [{ line: 0, stream: 'stdout', text: '3' }], total: 1 });
    expect(await c.api.invoke('run.logSearch', { runId: started.id, nodeId: 'make', query: 'MADE' })).toEqual({ lines: [0], truncated: false });

    const artifacts = await c.api.invoke('run.artifacts', { runId: started.id });
    expect(artifacts.map((a) => `${a.nodeId}.${a.port}:${a.kind}:${a.fileName}`)).toEqual([
      'make.table:file:table.csv',
      'picture.model:directory:model',
      'picture.plot:file:plot',
      'use.profile:file:profile',
      'use.summary:file:summary.json',
    ]);
    expect(artifacts[0]).not.toHaveProperty('path');
    const preview = (port: string, nodeId: string) => c.api.invoke('run.artifactPreview', { runId: started.id, nodeId, port });
    expect(await preview('table', 'make')).toEqual({ kind: 'table', columns: ['name', 'score'], rows: [['ada', '3'], ['bob', '5']], truncated: false });
    expect(await preview('summary', 'use')).toEqual({ kind: 'json', text: '{\n  "rows": 2\n}', truncated: false });
    // A report without an extension that opens like JSON (data.profile's) is shown as JSON too.
    expect(await preview('profile', 'use')).toEqual({ kind: 'json', text: '[\n  1,\n  2\n]', truncated: false });
    expect(await preview('plot', 'picture')).toEqual({ kind: 'image', mime: 'image/png', dataUrl: `data:image/png;base64,${PNG}` });
    expect(await preview('model', 'picture')).toEqual({ kind: 'directory', entries: [{ path: 'weights.txt', size: 2 }], truncated: false });
    await refusal(preview('nope', 'make'), 'not_found');
  });

  it('re-runs only what did not succeed, reusing the rest from the cache', async () => {
    const flag = join(tempDir(), 'fixed');
    const doc = pipeline([shell('first', 'echo one'), shell('second', `test -f ${flag}`), shell('third', 'echo three')], [edge('first', 'second'), edge('second', 'third')], 'retry-me');
    const pipelineId = await store(c.api, doc);
    const live = watch(c.api);
    const failed = await c.api.invoke('run.start', { pipelineId });
    await live.finished;
    live.stop();
    expect((await c.api.invoke('run.get', { runId: failed.id })).status).toBe('failed');
    writeFileSync(flag, '');
    const again = watch(c.api);
    const rerun = await c.api.invoke('run.rerun', { runId: failed.id, failedOnly: true });
    expect(rerun.trigger).toBe('rerun');
    await again.finished;
    again.stop();
    const detail = await c.api.invoke('run.get', { runId: rerun.id });
    expect(detail.options.scope).toEqual({ mode: 'selected', nodeIds: ['second', 'third'] });
    expect(detail.nodes.map((n) => [n.nodeId, n.status])).toEqual([['first', 'cached'], ['second', 'succeeded'], ['third', 'succeeded']]);
    await refusal(c.api.invoke('run.rerun', { runId: rerun.id, failedOnly: true }), 'conflict');
  });

  it('cancels a running pipeline', async () => {
    const pipelineId = await store(c.api, pipeline([shell('long', nodeScript('setTimeout(() => {}, 30000)'))], [], 'long'));
    const live = watch(c.api);
    const run = await c.api.invoke('run.start', { pipelineId });
    await new Promise((r) => setTimeout(r, 300));
    expect(await c.api.invoke('run.cancel', { runId: run.id })).toEqual({ canceled: true });
    await live.finished;
    live.stop();
    expect(await c.api.invoke('run.get', { runId: run.id })).toMatchObject({ status: 'canceled', nodes: [{ nodeId: 'long', status: 'canceled' }] });
    expect(await c.api.invoke('run.cancel', { runId: run.id })).toEqual({ canceled: false });
  });

  it('refuses to run an invalid pipeline with its problems, and reports unknown runs', async () => {
    const pipelineId = await store(c.api, pipeline([shell('a', 'true'), shell('b', 'true')], [edge('a', 'b'), edge('b', 'a')], 'loop'));
    const error = await refusal(c.api.invoke('run.start', { pipelineId }), 'invalid_pipeline');
    expect(error.message).toMatch(/cycle/);
    expect(error.problems?.[0]).toMatchObject({ code: 'cycle', severity: 'error' });
    await refusal(c.api.invoke('run.get', { runId: 'nope' }), 'not_found');
    await refusal(c.api.invoke('run.start', { pipelineId, options: { concurrency: 0 } }), 'invalid_input');
  });
});
