import { describe, expect, it } from 'vitest';
import { bytesToText, decodeBase64url, encodeBase64url } from './base64url';

const text = (s: string) => new TextEncoder().encode(s);

describe('decodeBase64url', () => {
  it('decodes canonical base64url with no issues', () => {
    const r = decodeBase64url('eyJhbGciOiJIUzI1NiJ9');
    expect(r.ok && bytesToText(r.bytes).text).toBe('{"alg":"HS256"}');
    expect(r.ok && r.issues).toEqual([]);
  });

  it('round-trips every length of random bytes', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff);
      const r = decodeBase64url(encodeBase64url(bytes));
      expect(r.ok && Array.from(r.bytes)).toEqual(Array.from(bytes));
      expect(r.ok && r.issues).toEqual([]);
    }
  });

  it('accepts but reports padding', () => {
    const r = decodeBase64url('YQ==');
    expect(r.ok && r.issues).toEqual(['padding']);
  });

  it('accepts but reports the standard alphabet', () => {
    const r = decodeBase64url('+/8');
    expect(r.ok && r.issues).toContain('standard-alphabet');
  });

  it('reports non-zero unused trailing bits', () => {
    expect(decodeBase64url('YR').ok && (decodeBase64url('YR') as { issues: string[] }).issues).toEqual([
      'trailing-bits',
    ]);
    expect(decodeBase64url('YQ').ok && (decodeBase64url('YQ') as { issues: string[] }).issues).toEqual([]);
  });

  it('gives the position and character of an invalid character', () => {
    expect(decodeBase64url('abc$def')).toEqual({ ok: false, reason: 'invalid-char', position: 3, char: '$' });
    expect(decodeBase64url('ab é')).toMatchObject({ ok: false, reason: 'invalid-char', position: 2 });
  });

  it('rejects impossible lengths', () => {
    expect(decodeBase64url('abcde')).toMatchObject({ ok: false, reason: 'invalid-length' });
    expect(decodeBase64url('a===')).toMatchObject({ ok: false, reason: 'invalid-length' });
  });
});

describe('bytesToText', () => {
  it('flags bytes that are not UTF-8', () => {
    expect(bytesToText(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ valid: false });
    expect(bytesToText(text('héllo'))).toEqual({ text: 'héllo', valid: true });
  });
});
