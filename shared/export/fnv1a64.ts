// FNV-1a 64-bit over UTF-8: a tiny, well-known, dependency-free hash for drift detection (not for security).
//
// Why not sha256: shared/ must stay pure (no node:crypto, and WebCrypto is async and absent from this layer's types);
// drift detection only needs "did this change", not collision resistance against an adversary who could simply
// rewrite the header anyway. 64 bits make accidental collisions between two versions of one file negligible.

const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
// The 64-bit FNV prime is 2^40 + 0x1b3: multiply by 0x1b3, then add the low word shifted left by 40 bits.
const PRIME_LO = 0x1b3;

/** The hash as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  const step = (byte: number): void => {
    lo ^= byte;
    // (hi:lo) * (2^40 + 0x1b3) mod 2^64, in 16-bit pieces so nothing overflows a double.
    const loLow = lo & 0xffff;
    const loHigh = lo >>> 16;
    const a = loLow * PRIME_LO;
    const b = loHigh * PRIME_LO + (a >>> 16);
    const newLo = ((b & 0xffff) << 16) | (a & 0xffff);
    const carry = Math.floor(b / 0x10000);
    hi = (Math.imul(hi, PRIME_LO) + carry + (lo << 8)) >>> 0;
    lo = newLo >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code < 0x80) step(code);
    else if (code < 0x800) {
      step(0xc0 | (code >> 6));
      step(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // lone surrogate: hash U+FFFD like TextEncoder would
      step(0xe0 | (code >> 12));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    } else {
      step(0xf0 | (code >> 18));
      step(0x80 | ((code >> 12) & 0x3f));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
