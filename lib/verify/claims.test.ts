import { describe, expect, it } from 'vitest';
import { checkClaims, formatDuration } from './claims';

const now = new Date('2026-01-01T00:00:00Z');
const t = now.getTime() / 1000;

describe('checkClaims', () => {
  it('passes a fresh token and describes each time claim', () => {
    const out = checkClaims({ exp: t + 7200, nbf: t - 10, iat: t - 10 }, {}, {}, now);
    expect(out.claims).toBe('valid');
    expect(out.checks.map((c) => c.message)).toEqual([
      'expires in 2 h (2026-01-01T02:00:00Z)',
      'valid since 2025-12-31T23:59:50Z',
      'issued 10 s ago (2025-12-31T23:59:50Z)',
    ]);
  });

  it('applies the clock tolerance to exp, nbf and iat', () => {
    const claims = { exp: t - 30, nbf: t + 30, iat: t + 30 };
    expect(checkClaims(claims, {}, {}, now).checks.map((c) => c.ok)).toEqual([false, false, false]);
    expect(checkClaims(claims, {}, { clockTolerance: 60 }, now).checks.map((c) => c.ok)).toEqual([
      true,
      true,
      true,
    ]);
    expect(checkClaims(claims, {}, {}, now).checks[1]!.message).toBe(
      'not valid yet: usable in 30 s (2026-01-01T00:00:30Z)',
    );
  });

  it('rejects non-numeric dates', () => {
    expect(checkClaims({ exp: '2026-01-01' }, {}, {}, now).checks[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/NumericDate/),
    });
  });

  it('matches audience arrays in either direction', () => {
    expect(checkClaims({ aud: ['a', 'b'] }, {}, { audience: 'b' }, now).claims).toBe('valid');
    expect(checkClaims({ aud: 'a' }, {}, { audience: ['x', 'a'] }, now).claims).toBe('valid');
    expect(checkClaims({ aud: 'a' }, {}, { audience: 'x' }, now).checks[0]!.message).toBe(
      'audience is "a", expected "x"',
    );
    expect(checkClaims({}, {}, { audience: 'x' }, now).checks[0]!.message).toBe(
      'The token has no "aud"; expected "x"',
    );
  });

  it('fails an "aud" with non-string members and says which (RFC 7519 §4.1.3)', () => {
    const out = checkClaims({ aud: ['a', 5, 'example.com'] }, {}, { audience: 'example.com' }, now);
    expect(out.claims).toBe('invalid');
    expect(out.checks[0]).toEqual({
      id: 'aud',
      ok: false,
      message:
        '"aud" must be a string or an array of strings (RFC 7519 §4.1.3), but it holds 5, which is not a string; expected "example.com"',
    });
    expect(checkClaims({ aud: 42 }, {}, { audience: 'x' }, now).checks[0]!.message).toBe(
      '"aud" must be a string or an array of strings (RFC 7519 §4.1.3), but it is 42; expected "x"',
    );
    expect(checkClaims({ aud: ['x', null, {}] }, {}, { audience: ['x'] }, now).checks[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining('holds null, {}, which are not strings'),
    });
  });

  it('ignores empty expectations from blank inputs', () => {
    expect(checkClaims({}, {}, { issuer: '', audience: '', subject: '', typ: '' }, now).checks).toEqual([]);
  });
});

describe('formatDuration', () => {
  it.each([
    [40, '40 s'],
    [300, '5 min'],
    [3 * 3600, '3 h'],
    [5 * 86400, '5 d'],
  ])('%d s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
