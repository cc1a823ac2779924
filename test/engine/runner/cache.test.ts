// The cache with real processes: a hit when nothing changed, a miss naming the changed part for each key part,
// bypasses (side effects, node setting, --no-cache, force), failures never cached, outputs restored on a hit, and
// outputs that link to the user's files stored as content without touching those files.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getNodeType } from '../../../shared/nodes/index';
import type { NodeTypeDefinition } from '../../../shared/nodes/node-type';
import { tempDir } from '../../support/temp-home';
import { edge, harness, pipeline, shell, type Harness } from './run-helpers';

let h: Harness;
afterEach(() => {
  h?.close();
  delete process.env['PW_TEST_GREETING'];
});

const dataset = (id: string) => ({ id, type: 'dataset' as const });

/** prepare: copies data.csv (a file it names) to its output; train: runs train.sh (a script) on its input. */
function twoStep(prepareCommand = 'cp data.csv {{outputs.out}}') {
  return pipeline(
    [
      shell('prepare', prepareCommand, { outputs: [dataset('out')] }),
      shell('train', 'sh train.sh {{inputs.in}} > {{outputs.model}}', { inputs: [dataset('in')], outputs: [{ id: 'model', type: 'model' }] }),
    ],
    [edge('prepare.out', 'train.in')],
  );
}

describe('cache', () => {
  it('serves unchanged nodes from the cache, restoring their outputs, and says which part changed on a miss', async () => {
    h = harness();
    writeFileSync(join(h.work, 'data.csv'), 'x\n1\n');
    writeFileSync(join(h.work, 'train.sh'), 'wc -l < "$1"\n');
    const first = await h.run(twoStep());
    expect(first.status).toBe('succeeded');
    expect(first.sink.cache('prepare')).toMatchObject({ hit: false, changed: null, parts: { type: 'script.shell@1', files: { 'data.csv': expect.any(String) } } });
    expect(first.sink.cache('train').parts.files).toEqual({ 'train.sh': expect.any(String) });

    const second = await h.run(twoStep());
    expect(second.sink.finished('prepare')).toMatchObject({ status: 'cached', cached: true });
    expect(second.sink.cache('train')).toMatchObject({ hit: true, sourceRunId: first.id });
    expect(second.sink.of('node.started')).toEqual([]);
    const model = h.service.runs.artifacts(second.id, 'train')[0]!;
    expect(readFileSync(model.path, 'utf8').trim()).toBe('2');

    // input data changed: prepare misses on its file, train on its input
    writeFileSync(join(h.work, 'data.csv'), 'x\n1\n2\n');
    const third = await h.run(twoStep());
    expect(third.sink.cache('prepare')).toMatchObject({ hit: false, changed: ['files.data.csv'] });
    expect(third.sink.cache('train')).toMatchObject({ hit: false, changed: ['inputs.in'] });
    expect(readFileSync(h.service.runs.artifacts(third.id, 'train')[0]!.path, 'utf8').trim()).toBe('3');

    // script content changed
    writeFileSync(join(h.work, 'train.sh'), 'cat "$1" | wc -l\n');
    const fourth = await h.run(twoStep());
    expect(fourth.sink.finished('prepare').status).toBe('cached');
    expect(fourth.sink.cache('train')).toMatchObject({ hit: false, changed: ['files.train.sh'] });

    // params changed: the report says which, from what to what
    const fifth = await h.run(twoStep('cp data.csv {{outputs.out}} && echo copied'));
    expect(fifth.sink.cache('prepare')).toMatchObject({
      hit: false,
      changed: ['params'],
      changes: { params: [{ name: 'command', before: 'cp data.csv {{outputs.out}}', after: 'cp data.csv {{outputs.out}} && echo copied' }], env: [] },
    });
    // same content out, so train is still a hit
    expect(fifth.sink.finished('train').status).toBe('cached');
  });

  it('hashes the files a command names as its shell reads them: quoted or escaped names with spaces too', async () => {
    // Before: words were cut at quotes and spaces, so `sh 'my step.sh'` named no file and editing it kept the cache.
    h = harness();
    writeFileSync(join(h.work, 'my step.sh'), 'echo one\n');
    writeFileSync(join(h.work, 'other step.sh'), 'echo two\n');
    const doc = pipeline([shell('quoted', "sh 'my step.sh'"), shell('escaped', 'sh other\\ step.sh "$HOME/not-hashed.sh" --flag=x')]);
    const first = await h.run(doc);
    expect(first.sink.cache('quoted').parts.files).toEqual({ 'my step.sh': expect.any(String) });
    expect(first.sink.cache('escaped').parts.files).toEqual({ 'other step.sh': expect.any(String) });
    writeFileSync(join(h.work, 'my step.sh'), 'echo ONE\n');
    const second = await h.run(doc);
    expect(second.sink.cache('quoted')).toMatchObject({ hit: false, changed: ['files.my step.sh'] });
    expect(second.sink.of('node.log').find((e) => e.nodeId === 'quoted')?.text).toBe('ONE');
    expect(second.sink.finished('escaped').status).toBe('cached');
  });

  it('hashes the files settings.watchFiles names — globs and plain paths — besides those the command names', async () => {
    // A script's own modules (what `python train.py` imports) are not in its command: watchFiles adds them.
    h = harness();
    mkdirSync(join(h.work, 'lib'));
    writeFileSync(join(h.work, 'step.sh'), '. lib/helper.sh; say\n');
    writeFileSync(join(h.work, 'lib', 'helper.sh'), 'say() { echo one; }\n');
    writeFileSync(join(h.work, 'lib', 'notes.txt'), 'not watched\n');
    // A link to a folder outside: a glob must not follow it out of the pipeline folder.
    symlinkSync(tempDir('pipewright-outside-'), join(h.work, 'lib', 'outside'));
    writeFileSync(join(h.work, 'lib', 'outside', 'far.sh'), 'echo far\n');
    mkdirSync(join(h.work, 'conf', 'env'), { recursive: true });
    writeFileSync(join(h.work, 'conf', 'env', 'prod.ini'), 'x=1\n');
    const doc = pipeline([shell('step', 'sh step.sh', { settings: { watchFiles: ['lib/**/*.sh', 'config.yaml', 'conf/'] } })]);
    const first = await h.run(doc);
    expect(first.sink.cache('step').parts.files).toEqual({
      'step.sh': expect.any(String),
      'lib/helper.sh': expect.any(String),
      'config.yaml': 'missing',
      'conf/env/prod.ini': expect.any(String), // a folder named plainly: every file under it
    });
    writeFileSync(join(h.work, 'lib', 'notes.txt'), 'changed, still not watched\n');
    expect((await h.run(doc)).sink.finished('step').status).toBe('cached');
    writeFileSync(join(h.work, 'lib', 'helper.sh'), 'say() { echo two; }\n');
    const edited = await h.run(doc);
    expect(edited.sink.cache('step')).toMatchObject({ hit: false, changed: ['files.lib/helper.sh'] });
    expect(edited.sink.of('node.log')[0]!.text).toBe('two');
    writeFileSync(join(h.work, 'config.yaml'), 'k: v\n');
    expect((await h.run(doc)).sink.cache('step')).toMatchObject({ hit: false, changed: ['files.config.yaml'] });
    writeFileSync(join(h.work, 'conf', 'env', 'dev.ini'), 'x=2\n');
    expect((await h.run(doc)).sink.cache('step')).toMatchObject({ hit: false, changed: ['files.conf/env/dev.ini'] });
  });

  it('misses when an environment variable the command reads changes, or the node type version changes', async () => {
    const v1 = getNodeType('script.shell')!;
    let version = 1;
    h = harness({ lookup: (id) => (id === 'script.shell' ? ({ ...v1, version } as NodeTypeDefinition) : getNodeType(id)) });
    const doc = pipeline([shell('greet', 'echo "$PW_TEST_GREETING"')]);
    process.env['PW_TEST_GREETING'] = 'hello';
    await h.run(doc);
    expect((await h.run(doc)).sink.finished('greet').status).toBe('cached');
    process.env['PW_TEST_GREETING'] = 'bonjour';
    const changedEnv = await h.run(doc);
    expect(changedEnv.sink.cache('greet')).toMatchObject({ hit: false, changed: ['env'], changes: { params: [], env: ['PW_TEST_GREETING'] } });
    // The variable's value is kept only as a hash: it may be a secret.
    const stored = new Database(join(h.home, 'pipewright.db'), { readonly: true });
    const details = stored.prepare('SELECT key_detail FROM cache_entries').pluck().all() as string[];
    stored.close();
    expect(details.join('')).toContain('PW_TEST_GREETING');
    expect(details.join('')).not.toMatch(/hello|bonjour/);
    expect(changedEnv.sink.of('node.log')[0]!.text).toBe('bonjour');
    version = 2;
    expect((await h.run(doc)).sink.cache('greet')).toMatchObject({ hit: false, changed: ['type'], parts: { type: 'script.shell@2' } });
  });

  it('says how a pipeline parameter changed a node, and only names the part for results cached before details were kept', async () => {
    h = harness();
    const doc = { ...pipeline([shell('fit', 'echo {{params.n_estimators}}')]), parameters: [{ name: 'n_estimators', type: 'number' as const, default: 100 }] };
    await h.run(doc);
    const changed = await h.run(doc, {}, { n_estimators: 50 });
    expect(changed.sink.cache('fit')).toMatchObject({ hit: false, changed: ['params'], changes: { params: [{ name: 'command', before: 'echo 100', after: 'echo 50' }] } });
    // An entry cached by a version that kept no detail (before migration 9): the miss names the part only.
    const stored = new Database(join(h.home, 'pipewright.db'));
    stored.prepare('UPDATE cache_entries SET key_detail = NULL').run();
    stored.close();
    const older = await h.run(doc, {}, { n_estimators: 25 });
    expect(older.sink.cache('fit')).toMatchObject({ hit: false, changed: ['params'] });
    expect(older.sink.cache('fit').changes).toBeUndefined();
  });

  it('never caches failed nodes, side-effect nodes or nodes with cache off; --no-cache and force run but still store', async () => {
    const deploy = { ...getNodeType('script.shell')!, id: 'test.deploy', sideEffects: true } as NodeTypeDefinition;
    h = harness({ lookup: (id) => (id === 'test.deploy' ? deploy : getNodeType(id)) });
    const doc = pipeline([
      shell('flaky', `test -f ${join(h.work, 'ok')}`),
      shell('off', 'echo off', { settings: { cache: false } }),
      { id: 'deploy', type: 'test.deploy', params: { command: 'echo deploy' }, position: { x: 0, y: 0 } },
      shell('plain', 'echo plain'),
    ]);
    const first = await h.run(doc);
    expect(first.sink.finished('flaky').status).toBe('failed');
    writeFileSync(join(h.work, 'ok'), '');
    const second = await h.run(doc);
    expect(second.sink.cache('flaky')).toMatchObject({ hit: false, changed: null });
    expect(second.sink.cache('off')).toMatchObject({ hit: false, bypass: 'disabled' });
    expect(second.sink.cache('deploy')).toMatchObject({ hit: false, bypass: 'sideEffects' });
    expect(second.sink.finished('plain').status).toBe('cached');
    for (const id of ['flaky', 'off', 'deploy']) expect(second.sink.finished(id).status).toBe('succeeded');

    const noCache = await h.run(doc, { noCache: true });
    expect(noCache.sink.cache('plain')).toMatchObject({ hit: false, bypass: 'noCache' });
    expect(noCache.sink.finished('plain').status).toBe('succeeded');
    const after = await h.run(doc);
    expect(after.sink.cache('plain')).toMatchObject({ hit: true, sourceRunId: noCache.id });
    expect(after.sink.cache('flaky')).toMatchObject({ hit: true, sourceRunId: noCache.id });

    const forced = await h.run(doc, { force: ['plain'] });
    expect(forced.sink.cache('plain')).toMatchObject({ hit: false, bypass: 'forced' });
    expect(forced.sink.finished('flaky').status).toBe('cached');
  });

  it('a hit says how long the node took in the run that made the result: what the cache saved', async () => {
    h = harness();
    const doc = pipeline([shell('slow', 'sleep 0.3; echo done > {{outputs.out}}', { outputs: [dataset('out')] }), shell('fast', 'echo fast')]);
    const first = await h.run(doc);
    const second = await h.run(doc);
    const [slow, fast] = [second.sink.cache('slow'), second.sink.cache('fast')];
    expect(slow).toMatchObject({ hit: true, sourceRunId: first.id });
    // At least the sleep, and no more than the first run's node took from start to finish.
    expect(slow.sourceDurationMs).toBeGreaterThanOrEqual(300);
    expect(slow.sourceDurationMs).toBeLessThanOrEqual(first.sink.finished('slow').durationMs);
    expect(fast.sourceDurationMs).toBeLessThan(slow.sourceDurationMs!);

    // A result cached before durations were kept (migration 11) is still a hit; it just cannot say what it saved.
    const stored = new Database(join(h.home, 'pipewright.db'));
    stored.prepare('UPDATE cache_entries SET duration_ms = NULL').run();
    stored.close();
    const third = await h.run(doc);
    expect(third.sink.cache('slow')).toMatchObject({ hit: true, sourceRunId: first.id });
    expect(third.sink.cache('slow')).not.toHaveProperty('sourceDurationMs');
  });

  it('runs a node again when its cached outputs were deleted from the store', async () => {
    h = harness();
    const doc = pipeline([shell('make', 'echo content > {{outputs.out}}', { outputs: [dataset('out')] })]);
    const first = await h.run(doc);
    const { hash } = h.service.runs.artifacts(first.id)[0]!;
    const { rmSync } = await import('node:fs');
    rmSync(join(h.home, 'cache', 'objects', hash.slice(0, 2), hash), { force: true });
    const second = await h.run(doc);
    expect(second.sink.finished('make').status).toBe('succeeded');
  });

  it("stores what outputs link to as content: the user's linked files stay theirs, writable and untouched", async () => {
    // Before: the store hard-linked the link and made its target read-only (the user's file!), and a folder output
    // lost every file it reached through a link, so a cache hit restored an empty model folder.
    h = harness();
    writeFileSync(join(h.work, 'data.txt'), 'v1', { mode: 0o644 });
    mkdirSync(join(h.work, 'lib'));
    writeFileSync(join(h.work, 'lib', 'weights.txt'), 'w', { mode: 0o644 });
    const make = [
      `ln -s "$PWD/data.txt" {{outputs.out}}`,
      'mkdir -p {{outputs.model}}/loop',
      `ln -s "$PWD/lib" {{outputs.model}}/lib`,
      'ln -s .. {{outputs.model}}/loop/up', // a cycle: left out
      'ln -s /nonexistent {{outputs.model}}/gone', // a link to nothing: left out
    ].join(' && ');
    const doc = pipeline([shell('make', make, { outputs: [dataset('out'), { id: 'model', type: 'model' }] })]);
    const first = await h.run(doc);
    expect(first.sink.finished('make').status).toBe('succeeded');
    expect(statSync(join(h.work, 'data.txt')).mode & 0o777).toBe(0o644);
    expect(statSync(join(h.work, 'lib', 'weights.txt')).mode & 0o777).toBe(0o644);
    expect(statSync(join(h.work, 'data.txt')).nlink).toBe(1);
    expect(statSync(join(h.work, 'lib', 'weights.txt')).nlink).toBe(1);

    writeFileSync(join(h.work, 'data.txt'), 'v2'); // still the user's to change; the cache keeps what the run made
    const second = await h.run(doc);
    expect(second.sink.finished('make').status).toBe('cached');
    const [out, model] = ['out', 'model'].map((port) => h.service.runs.artifacts(second.id).find((a) => a.port === port)!.path);
    expect(readFileSync(out!, 'utf8')).toBe('v1');
    expect(readFileSync(join(model!, 'lib', 'weights.txt'), 'utf8')).toBe('w');
    expect(readdirSync(model!, { recursive: true }).sort()).toEqual(['lib', 'lib/weights.txt']);

    h.service.delete([first.id, second.id]);
    expect(readFileSync(join(h.work, 'data.txt'), 'utf8')).toBe('v2');
    expect(readFileSync(join(h.work, 'lib', 'weights.txt'), 'utf8')).toBe('w');
  });
});
