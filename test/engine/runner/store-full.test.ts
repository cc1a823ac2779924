// A database that cannot be written where it lives — a full disk (SQLite's own SQLITE_FULL, from max_page_count), a
// read-only one (query_only), one another process keeps locked — mid-run and after: the run stops and says why,
// reads go on, writes are refused with a plain reason, and what could not be stored is stored once there is room.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../engine/app';
import { runOptionsSchema } from '../../../shared/runs/run-options';
import { tempDir } from '../../support/temp-home';
import { CollectSink, pipeline, shell } from './run-helpers';

let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

const FULL = 'could not store the run (the disk is full [SQLITE_FULL]); it was stopped';

describe('a database on a full disk', () => {
  it('stops the run with the reason on every node; reads go on; its end is stored once there is room', async () => {
    engine = openEngine({ home: tempDir(), host: 'test', killGraceMs: 200 });
    const { db, runner } = engine.ctx;
    const sink = new CollectSink();
    // A long chain of quick nodes writes events (rows) all the time; `other` is running when the disk fills.
    const chain = Array.from({ length: 300 }, (_, i) => shell(`n${i}`, 'true'));
    const document = pipeline([shell('other', 'sleep 30'), ...chain], chain.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, target: n.id })));
    const stored = engine.ctx.pipelines.create(document);
    const run = runner.start({
      pipeline: document,
      baseDir: tempDir(),
      params: {},
      options: runOptionsSchema.parse({ concurrency: 2 }),
      trigger: 'api',
      sinks: [sink],
    });
    // The disk fills up (another program's doing): the database cannot grow by one page, and what room its pages had
    // left is taken.
    db.exec('CREATE TABLE filler (bytes BLOB)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    expect(() => {
      for (;;) db.prepare('INSERT INTO filler VALUES (randomblob(500))').run();
    }).toThrow('database or disk is full');
    const finished = await run.done;
    expect(finished).toMatchObject({ status: 'failed', error: FULL });
    expect(sink.finished('other')).toMatchObject({ status: 'canceled', error: FULL });
    expect(sink.finished('n299')).toMatchObject({ status: 'canceled', error: expect.stringMatching(/^upstream node n\d+ was canceled$/) });

    // Reading still works; a new run is refused, saying where and why.
    expect(await engine.dispatch('run.list', { limit: 5 })).toMatchObject({ ok: true, value: [{ id: run.id, status: 'running' }] });
    expect(await engine.dispatch('run.start', { pipelineId: stored.id })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: `run.start failed: cannot use the database in ${engine.ctx.home.root}: the disk is full [SQLITE_FULL]` },
    });

    // Room again: the next look at the runs stores the run's end.
    db.exec('DROP TABLE filler');
    db.pragma('max_page_count = 1073741823');
    expect(await engine.dispatch('run.get', { runId: run.id })).toMatchObject({ ok: true, value: { status: 'failed', error: FULL } });
  });
});

describe('a database another process keeps locked', () => {
  it('refuses a write plainly once the wait is over; reads go on', async () => {
    // Before: "unexpected error: SqliteError: database is locked" and a stack trace (seen with another program holding
    // the write lock for longer than the 5 s wait).
    engine = openEngine({ home: tempDir(), host: 'test' });
    const stored = engine.ctx.pipelines.create(pipeline([shell('one', 'true')]));
    engine.ctx.db.pragma('busy_timeout = 100'); // the test need not wait the full 5 s
    const other = new Database(engine.ctx.home.database);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE pipelines SET name = name').run();
    try {
      expect(await engine.dispatch('run.start', { pipelineId: stored.id })).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/^run\.start failed: cannot use the database in .*: another process kept it locked for more than 5 s .* \[SQLITE_BUSY\]$/) },
      });
      expect(await engine.dispatch('run.list', { limit: 5 })).toMatchObject({ ok: true, value: [] });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('a database that cannot be written (read-only)', () => {
  it('recovery waits, reads go on', async () => {
    engine = openEngine({ home: tempDir(), host: 'test' });
    const { db, runner } = engine.ctx;
    const run = runner.start({
      pipeline: pipeline([shell('one', 'true')]),
      baseDir: tempDir(),
      params: {},
      options: runOptionsSchema.parse({}),
      trigger: 'api',
    });
    await run.done;
    // A run another process left behind, that process gone (pid 2^22 + 1 is above Linux's pid_max).
    db.prepare(`UPDATE runs SET status = 'running', owner_pid = 4194305, owner_start = NULL WHERE id = ?`).run(run.id);
    db.pragma('query_only = 1');
    expect(await engine.dispatch('run.list', { limit: 5 })).toMatchObject({ ok: true, value: [{ id: run.id, status: 'running' }] });
    expect(await engine.dispatch('experiments.query', {})).toMatchObject({ ok: true });
    db.pragma('query_only = 0');
    expect(await engine.dispatch('run.list', { limit: 5 })).toMatchObject({ ok: true, value: [{ id: run.id, status: 'interrupted' }] });
  });
});
