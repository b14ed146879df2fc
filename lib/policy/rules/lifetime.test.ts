import { describe, expect, it } from 'vitest';
import { lifetimeRule } from './lifetime';
import { contextWith, NOW } from './testing';

describe('lifetime rule', () => {
  it('passes exp − iat up to the maximum', () => {
    expect(
      lifetimeRule.check(contextWith({ maxLifetimeSeconds: 3600 }, { iat: NOW, exp: NOW + 3600 }))[0]?.status,
    ).toBe('pass');
  });
  it('fails a longer lifetime, and a token without iat or exp', () => {
    expect(
      lifetimeRule.check(contextWith({ maxLifetimeSeconds: 3600 }, { iat: NOW, exp: NOW + 3601 }))[0],
    ).toMatchObject({ status: 'fail', message: expect.stringContaining('3601 s') });
    expect(lifetimeRule.check(contextWith({ maxLifetimeSeconds: 3600 }, { exp: NOW + 60 }))[0]?.status).toBe(
      'fail',
    );
  });
  it('is absent without maxLifetimeSeconds', () => {
    expect(lifetimeRule.check(contextWith({}, { iat: 0, exp: NOW }))).toEqual([]);
  });
});
