import { describe, expect, it } from 'vitest';
import { lifetimeLong } from './lifetime-long';
import { contextWith } from './testing';

const IAT = 1780272000; // 2026-06-01T00:00:00Z, the testing context's now
const access = (payload: Record<string, unknown>) =>
  contextWith({ header: { alg: 'RS256', typ: 'at+jwt' }, payload: { aud: 'api', ...payload } });

describe('lifetime-long', () => {
  it('fires for an access token valid for more than 24 hours, saying how long', () => {
    const found = lifetimeLong.check(access({ iat: IAT, exp: IAT + 30 * 86400 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'payload.exp' });
    expect(found[0]?.message).toContain('30 d 00 h (from "iat" to "exp")');
  });

  it('uses nbf when there is no iat, and converts milliseconds', () => {
    expect(lifetimeLong.check(access({ nbf: IAT, exp: IAT + 86401 }))[0]?.message).toContain('from "nbf"');
    expect(lifetimeLong.check(access({ iat: IAT * 1000, exp: (IAT + 2 * 86400) * 1000 }))).toHaveLength(1);
  });

  it('stays quiet at exactly 24 hours, without a start time, and for tokens that are not access tokens', () => {
    expect(lifetimeLong.check(access({ iat: IAT, exp: IAT + 86400 }))).toEqual([]);
    expect(lifetimeLong.check(access({ exp: IAT + 30 * 86400 }))).toEqual([]);
    const idToken = contextWith({
      payload: { iss: 'https://op', aud: 'c', nonce: 'n', iat: IAT, exp: IAT + 30 * 86400 },
    });
    expect(lifetimeLong.check(idToken)).toEqual([]);
  });
});
