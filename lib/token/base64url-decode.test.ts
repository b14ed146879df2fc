import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

/** The one-character-at-a-time decoder that the quad loop replaced for speed; results must not change. */
function referenceDecode(input: string) {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[43] = 62;
  table[47] = 63;
  const issues: string[] = [];
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 61) end--;
  if (end < input.length) {
    issues.push('padding');
    if (input.length - end > 2) return { ok: false, reason: 'invalid-length', position: end };
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let sawStandard = false;
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = input.charCodeAt(i);
    const v = c < 128 ? table[c]! : -1;
    if (v < 0) return { ok: false, reason: 'invalid-char', position: i, char: input[i]! };
    if (c === 43 || c === 47) sawStandard = true;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  if (end % 4 === 1) return { ok: false, reason: 'invalid-length', position: end };
  if (sawStandard) issues.push('standard-alphabet');
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) issues.push('trailing-bits');
  return { ok: true, bytes: o === out.length ? out : out.subarray(0, o), issues };
}

describe('decodeBase64url (quad loop)', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBase64url(encodeBase64url(bytes));
        expect(decoded).toEqual({ ok: true, bytes, issues: [] });
      }),
    );
  });

  it('reports an invalid character in the middle of a quad at its exact position', () => {
    expect(decodeBase64url('AAAAAAAAB$CD')).toEqual({
      ok: false,
      reason: 'invalid-char',
      position: 9,
      char: '$',
    });
  });

  it('matches the per-character decoder on arbitrary base64-like text, issues and errors included', () => {
    const chars = fc.constantFrom(...'AQgw09az-_+/=$ é.'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (list) => {
        const text = list.join('');
        expect(decodeBase64url(text)).toEqual(referenceDecode(text));
      }),
      { numRuns: 3000 },
    );
  });
});
