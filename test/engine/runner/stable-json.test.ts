// stableJson is part of every cache key: the hand-written version must give exactly the text of the sorting replacer
// it replaced (or every stored cache entry would miss), for any JSON value — array-index keys included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../../engine/runner/content-hash';

/** The previous implementation, kept here as the specification. */
function replacerStableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '2', '9', '10', '01', '-1', '4294967294', '4294967295', '1.5', '__proto__', 'a', 'B'));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), tie('object'), tie('array')),
  object: fc.dictionary(key, tie('any'), { maxKeys: 8 }),
  array: fc.array(tie('any'), { maxLength: 5 }),
})).object;

describe('stableJson', () => {
  it('gives the text the sorting replacer gave, for any object', () => {
    fc.assert(
      fc.property(value, (object) => {
        expect(stableJson(object)).toBe(replacerStableJson(object));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys at every level, array indices first in numeric order, and leaves undefined out', () => {
    expect(stableJson({ b: 1, a: [{ z: 1, y: undefined }, undefined], 10: 'x', 9: 'y', c: new Date(0) })).toBe(
      '{"9":"y","10":"x","a":[{"z":1},null],"b":1,"c":"1970-01-01T00:00:00.000Z"}',
    );
  });
});
