import { describe, expect, it } from 'vitest';
import {
  addRandomJti,
  numericDate,
  setExpiry,
  setIssuedAt,
  setNotBefore,
  TOKEN_LIFETIMES,
} from './claim-shortcuts';

const now = new Date('2026-01-02T03:04:05.678Z');
const seconds = 1767323045;

describe('claim shortcuts', () => {
  it('numericDate is whole seconds', () => {
    expect(numericDate(now)).toBe(seconds);
  });

  it('sets iat and nbf to now', () => {
    const iat = setIssuedAt('{"sub":"a"}', now);
    expect(iat.ok && JSON.parse(iat.text)).toEqual({ sub: 'a', iat: seconds });
    const nbf = setNotBefore('{"nbf":0}', now);
    expect(nbf.ok && JSON.parse(nbf.text)).toEqual({ nbf: seconds });
  });

  it('sets exp to now plus the lifetime', () => {
    const hour = TOKEN_LIFETIMES.find((l) => l.label === '1 hour')!;
    const r = setExpiry('{}', now, hour.seconds);
    expect(r.ok && JSON.parse(r.text)).toEqual({ exp: seconds + 3600 });
  });

  it('refuses a lifetime that is not a positive whole number of seconds', () => {
    for (const bad of [0, -5, 1.5, Number.NaN]) {
      const r = setExpiry('{}', now, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-lifetime');
    }
  });

  it('adds a 128-bit base64url jti from the given randomness', () => {
    const r = addRandomJti('{"sub":"a"}', (n) => new Uint8Array(n).fill(0xff));
    expect(r.ok && JSON.parse(r.text)).toEqual({ sub: 'a', jti: '_____________________w' });
  });

  it('gives different jti values with real randomness', () => {
    const a = addRandomJti('{}');
    const b = addRandomJti('{}');
    expect(a.ok && b.ok && a.text !== b.text).toBe(true);
    expect(a.ok && (JSON.parse(a.text) as { jti: string }).jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('leaves broken payload text alone and says why', () => {
    const r = setIssuedAt('{"sub":', now);
    expect(r.ok).toBe(false);
  });
});
