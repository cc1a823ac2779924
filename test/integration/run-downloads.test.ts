// The web mode's download routes: artifacts (files and files inside folder artifacts) and whole node logs, behind
// the session token; unknown runs, ports and paths outside an artifact are 404.
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../engine/app';
import { runArtifactRoutes } from '../../engine/server/run-artifact-routes';
import { startWebServer, type WebServer } from '../../engine/server/web-server';
import { runOptionsSchema } from '../../shared/runs/run-options';
import { pipeline, shell } from '../engine/runner/run-helpers';
import { tempDir } from '../support/temp-home';

let engine: Engine;
let server: WebServer;
afterEach(async () => {
  await server?.close();
  engine?.close();
});

describe('run download routes', () => {
  it('serves artifacts and logs to the session, and nothing else', async () => {
    engine = openEngine({ home: tempDir(), host: 'test' });
    server = await startWebServer({ engine, port: 0, routes: runArtifactRoutes(engine) });
    const doc = pipeline([
      shell('make', 'seq 1 5000; echo warn >&2; printf "a,b\\n1,2\\n" > {{outputs.table}}; mkdir -p {{outputs.model}}/sub && echo w > {{outputs.model}}/sub/weights.txt', {
        outputs: [
          { id: 'table', type: 'dataset' },
          { id: 'model', type: 'model' },
        ],
      }),
    ]);
    const run = engine.ctx.runner.start({ pipeline: doc, baseDir: tempDir(), params: {}, options: runOptionsSchema.parse({}), trigger: 'api' });
    await run.done;
    const base = `http://127.0.0.1:${server.port}/api/runs/${run.id}`;
    const get = (path: string, token = server.token) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const table = await get('/artifacts/make/table');
    expect(table.status).toBe(200);
    expect(table.headers.get('content-disposition')).toBe('attachment; filename="table.csv"');
    expect(await table.text()).toBe('a,b\n1,2\n');
    expect((await get('/artifacts/make/table?inline=1')).headers.get('content-disposition')).toMatch(/^inline/);
    expect(await (await get('/artifacts/make/model/sub/weights.txt')).text()).toBe('w\n');
    expect((await get('/artifacts/make/model')).status).toBe(404);
    expect((await get('/artifacts/make/model/..%2F..%2F..%2Fpipewright.db')).status).toBe(404);
    expect((await get('/artifacts/make/nope')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/runs/no-such-run/artifacts/a/b`, { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(404);
    expect((await get('/artifacts/make/table', 'wrong-token')).status).toBe(401);

    const log = await get('/logs/make');
    expect(log.headers.get('content-disposition')).toBe(`attachment; filename="${run.id}-make.log"`);
    const lines = (await log.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(5001);
    expect(lines.slice(0, 2)).toEqual(['1', '2']);
    expect(lines).toContain('warn');
    expect((await (await get('/logs/make?stream=stderr')).text())).toBe('warn\n');
    expect((await get('/logs/make?stream=bogus')).status).toBe(404);
    expect((await get('/logs/ghost')).status).toBe(404);
  });
});
