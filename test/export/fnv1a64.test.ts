// FNV-1a 64 against the published test vectors and a BigInt reference over TextEncoder bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a64 } from '../../shared/export/fnv1a64';

function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on any Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fnv1a64(s) === reference(s)));
    expect(fnv1a64('héllo ✓ 😀')).toBe(reference('héllo ✓ 😀'));
  });
});
