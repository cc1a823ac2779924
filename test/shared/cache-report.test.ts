// What a cache miss says: which params changed from what to what, which variables changed, and the one-line verdict.
import { describe, expect, it } from 'vitest';
import { cacheSavedMs, cacheVerdict, keyChanges, type CacheKeyDetail, type CacheReport } from '../../shared/runs/cache-report';

const detail = (params: Record<string, unknown>, variables: Record<string, string | null> = {}, platform = 'linux x64'): CacheKeyDetail => ({ params, platform, variables });
const parts = { type: 'script.shell@1', params: 'p', inputs: {}, files: {}, env: 'e' };
const miss = (changed: string[] | null, changes?: CacheReport['changes']): CacheReport => ({ hit: false, key: 'k', parts, changed, ...(changes ? { changes } : {}) });

describe('cache miss explanations', () => {
  it('lists changed, added and removed params with their values, and changed variables by name only', () => {
    const before = detail({ n: 1, keep: 'same', dropped: true, nested: { a: [1, 2] } }, { DATA: 'h1', GONE: 'h2', SAME: 'h3' });
    const after = detail({ n: 2, keep: 'same', added: 'x', nested: { a: [1, 3] } }, { DATA: 'h9', SAME: 'h3', NEW: null });
    expect(keyChanges(before, after)).toEqual({
      params: [
        { name: 'added', after: 'x' },
        { name: 'dropped', before: true },
        { name: 'n', before: 1, after: 2 },
        { name: 'nested', before: { a: [1, 2] }, after: { a: [1, 3] } },
      ],
      env: ['DATA', 'GONE', 'NEW'],
    });
    expect(keyChanges(detail({}), detail({}, {}, 'darwin arm64'))).toEqual({ params: [], env: ['platform'] });
  });

  it('says the changes in one sentence; long values are cut around where they first differ', () => {
    const script = (tail: string) => `python train.py --data data/train.csv --epochs 10 --learning-rate ${tail}`;
    const changes = keyChanges(detail({ n: 1, command: script('0.1'), '@outputs': ['model:model'] }), detail({ command: script('0.01'), '@outputs': ['model:model', 'report:json'] }, { DATA: 'h' }));
    expect(cacheVerdict(miss(['params', 'env', 'inputs.train'], changes))).toBe(
      'Cache miss: changed since the last cached result — params (' +
        '@outputs: ["model:model"] → ["model:model","report:json"], '.replace('@outputs', 'output ports') +
        'command: …ning-rate 0.1" → …ning-rate 0.01", ' +
        'n: 1 → unset), env (DATA), inputs.train.',
    );
  });

  it('names only the parts when the last result was cached without detail, and says why there was no comparison', () => {
    expect(cacheVerdict(miss(['params', 'env']))).toBe('Cache miss: changed since the last cached result — params, env.');
    expect(cacheVerdict(miss(null))).toBe('Cache miss: this node has no cached result yet.');
    expect(cacheVerdict(miss([]))).toBe('Cache miss: the cached result is no longer usable.');
    expect(cacheVerdict({ hit: true, key: 'k', parts, sourceRunId: 'r1' })).toBe('Cache hit: nothing changed since run r1.');
    expect(cacheVerdict({ hit: true, key: 'k', parts, sourceRunId: 'r1', sourceDurationMs: 83_000 })).toBe('Cache hit: nothing changed since run r1, where it took 1 min 23 s.');
    expect(cacheVerdict({ hit: false, key: 'k', parts, bypass: 'forced' })).toBe('Ran without the cache: forced to re-run.');
  });
});

describe('cacheSavedMs', () => {
  it('sums what the hits took to make; misses, bypasses and hits without a duration add nothing', () => {
    const hit = (ms?: number): CacheReport => ({ hit: true, key: 'k', parts, sourceRunId: 'r', ...(ms === undefined ? {} : { sourceDurationMs: ms }) });
    expect(cacheSavedMs([hit(1200), hit(300), hit(), miss(null), { hit: false, key: 'k', parts, bypass: 'forced' }, undefined])).toBe(1500);
    expect(cacheSavedMs([])).toBe(0);
  });
});
